import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalAddresses, loopbackPool, NoLoopbackAddressError, pickAddress } from './external-addresses.js';

const pool = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
const inUseOf =
  (busy: string[]) =>
  async (address: string): Promise<boolean> =>
    busy.includes(address);

describe('loopbackPool', () => {
  it('hands out 127.0.0.2 to 127.0.0.254, never 127.0.0.1', () => {
    const all = loopbackPool();
    expect([all.length, all[0], all.at(-1), all.includes('127.0.0.1')]).toEqual([253, '127.0.0.2', '127.0.0.254', false]);
  });
});

describe('pickAddress', () => {
  it.each([
    { name: 'the lowest when none is held', held: [], busy: [], want: '127.0.0.2' },
    { name: 'skips what this server holds', held: ['127.0.0.2'], busy: [], want: '127.0.0.3' },
    { name: 'skips what is in use on the machine', held: [], busy: ['127.0.0.2'], want: '127.0.0.3' },
    { name: 'a released address comes back first', held: ['127.0.0.3'], busy: [], want: '127.0.0.2' },
    { name: 'none when all are held or in use', held: ['127.0.0.2', '127.0.0.4'], busy: ['127.0.0.3'], want: undefined },
  ])('$name', async ({ held, busy, want }) => {
    expect(await pickAddress(pool, new Set(held), inUseOf(busy))).toBe(want);
  });
});

describe('ExternalAddresses', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ext-addr-'));
    file = join(dir, 'external-addresses.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each cluster its own address, the same one every time, kept across a reopen (0600)', async () => {
    const a = await ExternalAddresses.open(file, inUseOf([]), pool);
    expect(await a.allocate('ns--shop--1')).toBe('127.0.0.2');
    expect(await a.allocate('ns--blog--2')).toBe('127.0.0.3');
    expect(await a.allocate('ns--shop--1')).toBe('127.0.0.2');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // a restart: the busy probe would now say 127.0.0.2 is taken (by our own proxy); the cluster keeps it
    const b = await ExternalAddresses.open(file, inUseOf(['127.0.0.2', '127.0.0.3']), pool);
    expect([b.addressOf('ns--shop--1'), await b.allocate('ns--shop--1'), await b.allocate('ns--blog--2')]).toEqual(['127.0.0.2', '127.0.0.2', '127.0.0.3']);
  });

  it('releases an address on delete, so the next cluster reuses it, also after a reopen', async () => {
    const a = await ExternalAddresses.open(file, inUseOf([]), pool);
    await a.allocate('shop');
    await a.allocate('blog');
    await a.release('shop');
    await a.release('never-held');
    expect(a.addressOf('shop')).toBeUndefined();
    const b = await ExternalAddresses.open(file, inUseOf([]), pool);
    expect(await b.allocate('docs')).toBe('127.0.0.2');
  });

  it('never gives two clusters allocated at once the same address', async () => {
    const a = await ExternalAddresses.open(file, inUseOf([]), pool);
    const got = await Promise.all(['x', 'y', 'z'].map((c) => a.allocate(c)));
    expect(new Set(got).size).toBe(3);
  });

  it('refuses with a clear error when the pool is exhausted, and stores nothing', async () => {
    const a = await ExternalAddresses.open(file, inUseOf(['127.0.0.4']), pool);
    await a.allocate('x');
    await a.allocate('y');
    const err = await a.allocate('z').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoLoopbackAddressError);
    expect((err as Error).message).toMatch(/delete an external cluster or set external: false/);
    expect(a.addressOf('z')).toBeUndefined();
  });
});
