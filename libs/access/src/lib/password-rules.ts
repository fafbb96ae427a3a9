import type { MessageKey } from '../common/api-messages';

/** The catalogue's words for each broken password rule. */
export type PasswordProblem = Extract<MessageKey, `password.${string}`>;

/**
 * Minimum password rules: at least 10 characters, three of the four character classes, and not
 * containing the username. Returns the problem, or null when the password is acceptable.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < 10) return 'password.tooShort';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return 'password.tooSimple';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'password.containsUsername';
  }
  return null;
}
