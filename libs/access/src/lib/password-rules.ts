/**
 * Minimum password rules: at least 10 characters, three of the four character classes, and not
 * containing the username. Returns the problem, or null when the password is acceptable.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return 'must be at least 10 characters';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return 'must mix at least three of: lower case, upper case, digits, symbols';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'must not contain the username';
  }
  return null;
}
