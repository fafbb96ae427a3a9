import { randomInt } from 'node:crypto';
import { passwordProblem } from '@scorecard/access';

// No look-alikes (0/O, 1/l/I): the password is read off a screen or a sheet and typed once.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
// None that a spreadsheet reads as the start of a formula (= + - @) when the passwords go out as CSV.
const SYMBOLS = '#%*!?$';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;
const LENGTH = 12;

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)];
}

/** A random initial password that passes the password rules for `username`; the owner changes it at first login. */
export function generateInitialPassword(username: string): string {
  for (;;) {
    const characters = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (characters.length < LENGTH) characters.push(pick(ALL));
    for (let i = characters.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [characters[i], characters[j]] = [characters[j], characters[i]];
    }
    const password = characters.join('');
    if (passwordProblem(password, username) === null) return password;
  }
}
