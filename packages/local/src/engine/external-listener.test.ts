import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { claimExternalPort, listenExternal, releaseExternalPorts } from './external-listener.js';
import type { TcpProxy } from './tcp-proxy.js';

// Real sockets on loopback addresses; the "PostgreSQL port" is a free one so parallel suites
// (and a PostgreSQL on 5432) cannot interfere.
const ADDRESS = '127.0.0.213';

function hold(host: string, port = 0): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

const portOf = (server: net.Server): number => (server.address() as net.AddressInfo).port;
const close = (server: net.Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

async function freePortOn(host: string): Promise<number> {
  const s = await hold(host);
  const port = portOf(s);
  await close(s);
  return port;
}

describe('listenExternal', () => {
  const opened: TcpProxy[] = [];
  const held: net.Server[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
    await Promise.all(held.splice(0).map(close));
  });

  it('listens on the PostgreSQL port of the cluster address when it is free', async () => {
    const pgPort = await freePortOn(ADDRESS);
    const proxy = await listenExternal(ADDRESS, undefined, pgPort);
    opened.push(proxy);
    expect([proxy.host, proxy.port]).toEqual([ADDRESS, pgPort]);
    expect(await claimExternalPort(ADDRESS, {}, pgPort)).toBe(true);
  });

  it('falls back to another port of the same address when the PostgreSQL port is taken, the remembered one first', async () => {
    const taken = await hold(ADDRESS);
    held.push(taken);
    const pgPort = portOf(taken);
    const first = await listenExternal(ADDRESS, undefined, pgPort);
    expect(first.host).toBe(ADDRESS);
    expect(first.port).not.toBe(pgPort);
    const remembered = first.port;
    await first.close();
    const again = await listenExternal(ADDRESS, remembered, pgPort);
    opened.push(again);
    expect([again.host, again.port]).toEqual([ADDRESS, remembered]);
  });

  it('falls back to 127.0.0.1 when the address is not on this machine', async () => {
    const proxy = await listenExternal('192.0.2.1', undefined, 5432); // TEST-NET-1: never local
    opened.push(proxy);
    expect(proxy.host).toBe('127.0.0.1');
    expect(proxy.port).toBeGreaterThan(0);
  });
});

describe('claimExternalPort', () => {
  const owner = {};
  afterEach(() => releaseExternalPorts(owner));

  it.each([
    { name: 'a free port: claimed', setup: false, address: ADDRESS, want: false },
    { name: 'a port someone listens on: taken', setup: true, address: ADDRESS, want: true },
    { name: 'an address not on this machine (not taken: the listener falls back)', setup: false, address: '192.0.2.1', want: false },
  ])('$name', async ({ setup, address, want }) => {
    const server = setup ? await hold(address) : undefined;
    const port = server ? portOf(server) : await freePortOn('127.0.0.1');
    try {
      expect(await claimExternalPort(address, owner, port)).toBe(want);
    } finally {
      if (server) await close(server);
    }
  });

  it('holds a free port until the listener takes it over, so nobody can take it in between', async () => {
    const pgPort = await freePortOn(ADDRESS);
    expect(await claimExternalPort(ADDRESS, owner, pgPort)).toBe(false);
    // Held: another server cannot bind it, and a second claim (another engine) finds it taken.
    await expect(hold(ADDRESS, pgPort)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await claimExternalPort(ADDRESS, {}, pgPort)).toBe(true);
    // The listener takes the held socket over: the PostgreSQL port itself, no fallback.
    const proxy = await listenExternal(ADDRESS, undefined, pgPort);
    try {
      expect([proxy.host, proxy.port]).toEqual([ADDRESS, pgPort]);
    } finally {
      await proxy.close();
    }
    expect(await claimExternalPort(ADDRESS, owner, pgPort)).toBe(false);
  });

  it('gives a held port back when its owner releases it', async () => {
    const pgPort = await freePortOn(ADDRESS);
    expect(await claimExternalPort(ADDRESS, owner, pgPort)).toBe(false);
    await releaseExternalPorts({}, ADDRESS); // another owner: nothing happens
    await expect(hold(ADDRESS, pgPort)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await releaseExternalPorts(owner, ADDRESS);
    const server = await hold(ADDRESS, pgPort);
    await close(server);
  });
});
