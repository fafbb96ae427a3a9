import type { AccessLocale } from './denials';

/** The broken password rule, as a message key. */
export type PasswordProblem =
  'password.tooShort' | 'password.tooSimple' | 'password.containsUsername';

/** What each broken rule reads like, in each language the product speaks. */
export const PASSWORD_PROBLEM_MESSAGES: Readonly<
  Record<PasswordProblem, Readonly<Record<AccessLocale, string>>>
> = {
  'password.tooShort': { 'zh-CN': '密码至少 10 个字符', en: 'must be at least 10 characters' },
  'password.tooSimple': {
    'zh-CN': '密码须包含小写字母、大写字母、数字、符号中的至少三种',
    en: 'must mix at least three of: lower case, upper case, digits, symbols',
  },
  'password.containsUsername': {
    'zh-CN': '密码不能包含用户名',
    en: 'must not contain the username',
  },
};

/**
 * Minimum password rules: at least 10 characters, three of the four character classes, and not
 * containing the username. Returns the problem, or null when the password is acceptable.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < 10) return 'password.tooShort';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  if (classes < 3) return 'password.tooSimple';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'password.containsUsername';
  }
  return null;
}
