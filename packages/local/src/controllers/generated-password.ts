// The one password generator of Hikube Local. Both drivers use it for a user given no password,
// and the public API for create-user and rotate-password: the platform makes every password.
import { randomInt } from 'node:crypto';

/** Letters and digits only: safe unquoted in a URI, a shell and a libpq connection string. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Cozystack's chart generates 16 characters; so does Hikube's API. */
export const GENERATED_PASSWORD_LENGTH = 16;

/** A new random password (crypto-grade: `randomInt` draws from the OS's CSPRNG, without bias). */
export function generatedPassword(): string {
  let out = '';
  for (let i = 0; i < GENERATED_PASSWORD_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
