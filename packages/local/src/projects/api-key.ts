// API keys in Hikube's documented format, `sk_hk_<keyId>_<secret>`: the key id (32 lowercase hex)
// names the key in lists and revocations; only a hash of the secret is ever kept.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const scopes = ['read', 'write', 'admin', 'superadmin'] as const;
export type Scope = (typeof scopes)[number];

export const validities = ['1d', '7d', '30d', '90d', '180d', '365d'] as const;
export type Validity = (typeof validities)[number];

const keyPattern = /^sk_hk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  keyId: string;
  secret: string;
}

/** A new key: 128 random bits of id, 256 of secret (base64url, so the key survives a shell and a URL). */
export function newApiKey(): ApiKeyParts & { text: string } {
  const keyId = randomBytes(16).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, text: `sk_hk_${keyId}_${secret}` };
}

/** The parts of a presented key, or undefined when it is not in the documented format. */
export function parseApiKey(text: string): ApiKeyParts | undefined {
  const match = keyPattern.exec(text);
  if (!match) return undefined;
  return { keyId: match[1] as string, secret: match[2] as string };
}

/**
 * The stored form of a secret. A fast hash is enough: the secret is 256 random bits, so there is
 * nothing to guess, only a file to keep from being a list of working keys.
 */
export function hashSecret(secret: string): string {
  return `sha256:${createHash('sha256').update(secret).digest('hex')}`;
}

/** Whether `secret` matches the stored hash, in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Each scope includes the rights of those before it in `scopes`. */
export function scopeAllows(held: Scope, needed: Scope): boolean {
  return scopes.indexOf(held) >= scopes.indexOf(needed);
}

export function isScope(value: string): value is Scope {
  return (scopes as readonly string[]).includes(value);
}

export function isValidity(value: string): value is Validity {
  return (validities as readonly string[]).includes(value);
}

/** When a key created at `from` for `validity` expires. */
export function expiryOf(from: Date, validity: Validity): Date {
  return new Date(from.getTime() + Number.parseInt(validity, 10) * 24 * 60 * 60 * 1000);
}
