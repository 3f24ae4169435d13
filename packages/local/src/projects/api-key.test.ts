import { describe, expect, it } from 'vitest';
import { expiryOf, hashSecret, newApiKey, parseApiKey, scopeAllows, secretMatches, type Scope, type Validity } from './api-key.js';

describe('newApiKey', () => {
  it('is sk_hk_<32 lowercase hex>_<secret> and parses back into its parts', () => {
    const key = newApiKey();
    expect(key.text).toMatch(/^sk_hk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key.text)).toEqual({ keyId: key.keyId, secret: key.secret });
  });

  it('never repeats an id or a secret', () => {
    const keys = Array.from({ length: 50 }, () => newApiKey());
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(50);
    expect(new Set(keys.map((k) => k.secret)).size).toBe(50);
  });
});

describe('parseApiKey', () => {
  const secret = 'A'.repeat(43);
  const id = '0123456789abcdef0123456789abcdef';
  const cases: { name: string; given: string; want: ReturnType<typeof parseApiKey> }[] = [
    { name: 'a well-formed key', given: `sk_hk_${id}_${secret}`, want: { keyId: id, secret } },
    { name: 'a secret with _ and - in it', given: `sk_hk_${id}_${'a_-'.repeat(14)}b`, want: { keyId: id, secret: `${'a_-'.repeat(14)}b` } },
    { name: 'uppercase hex in the id', given: `sk_hk_${id.toUpperCase()}_${secret}`, want: undefined },
    { name: 'a short id', given: `sk_hk_${id.slice(1)}_${secret}`, want: undefined },
    { name: 'another prefix', given: `sk_xx_${id}_${secret}`, want: undefined },
    { name: 'a short secret', given: `sk_hk_${id}_abc`, want: undefined },
    { name: 'a Kubernetes bearer token', given: 'eyJhbGciOi.payload.sig', want: undefined },
    { name: 'empty', given: '', want: undefined },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(parseApiKey(given)).toEqual(want);
    });
  }
});

describe('hashSecret and secretMatches', () => {
  it('stores a hash that does not contain the secret and matches only that secret', () => {
    const { secret } = newApiKey();
    const stored = hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}x`, stored)).toBe(false);
    expect(secretMatches(secret, 'sha256:short')).toBe(false);
  });
});

describe('scopeAllows', () => {
  const cases: { held: Scope; needed: Scope; want: boolean }[] = [
    { held: 'read', needed: 'read', want: true },
    { held: 'read', needed: 'admin', want: false },
    { held: 'write', needed: 'read', want: true },
    { held: 'write', needed: 'admin', want: false },
    { held: 'admin', needed: 'admin', want: true },
    { held: 'admin', needed: 'superadmin', want: false },
    { held: 'superadmin', needed: 'admin', want: true },
  ];
  for (const { held, needed, want } of cases) {
    it(`${held} ${want ? 'may' : 'may not'} do what needs ${needed}`, () => {
      expect(scopeAllows(held, needed)).toBe(want);
    });
  }
});

describe('expiryOf', () => {
  const from = new Date('2026-01-01T00:00:00Z');
  const cases: { given: Validity; want: string }[] = [
    { given: '1d', want: '2026-01-02T00:00:00.000Z' },
    { given: '90d', want: '2026-04-01T00:00:00.000Z' },
    { given: '365d', want: '2027-01-01T00:00:00.000Z' },
  ];
  for (const { given, want } of cases) {
    it(given, () => {
      expect(expiryOf(from, given).toISOString()).toBe(want);
    });
  }
});
