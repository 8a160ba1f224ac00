import { randomInt } from 'node:crypto';

/**
 * No 0/O, 1/l/I, 5/S or 2/Z: one-time passwords are read off paper handouts and typed on
 * classroom computers, so no two characters may be mistaken for each other.
 */
export const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrtuvwxy346789';

/**
 * A one-time password an administrator hands over (a new account, a reset): four groups of
 * four characters, about 76 random bits, e.g. "k7pm-qr3x-hv9t-c4wn".
 */
export function newOneTimePassword(): string {
  const pick = () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)];
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, pick).join('')).join('-');
}
