// The endpoints of one cluster over real sockets on 127.0.0.1 (no PostgreSQL: routing only).
// The external endpoint is left out: it takes port 5432 of a loopback address, which other
// suites on the machine may be using.
import { afterEach, describe, expect, it } from 'vitest';
import { ClusterProxies, type ProxyRoutes } from './cluster-proxies.js';

const opened: ClusterProxies[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

async function open(ports?: Parameters<typeof ClusterProxies.open>[0]): Promise<ClusterProxies> {
  const p = await ClusterProxies.open(ports);
  opened.push(p);
  return p;
}

describe('cluster endpoints', () => {
  it.each<{ name: string; given: ProxyRoutes; want: { rw: number[]; ro: number[]; r: number[] } }>([
    {
      name: 'rw to the primary, ro to ready standbys, r to both',
      given: { rw: [5401], ready: [5402, 5403], live: [5402, 5403] },
      want: { rw: [5401], ro: [5402, 5403], r: [5401, 5402, 5403] },
    },
    { name: 'no primary: rw empty, reads go on', given: { rw: [], ready: [5402], live: [5402] }, want: { rw: [], ro: [5402], r: [5402] } },
    {
      name: 'a live standby that is not ready gets no new connections',
      given: { rw: [5401], ready: [], live: [5402] },
      want: { rw: [5401], ro: [], r: [5401] },
    },
  ])('routes: $name', async ({ given, want }) => {
    const p = await open(undefined);
    p.route(given);
    expect({ rw: p.rw.targets, ro: p.ro.targets, r: p.r.targets }).toEqual(want);
  });

  it('fences writes without touching reads', async () => {
    const p = await open(undefined);
    p.route({ rw: [5401], ready: [5402], live: [5402] });
    p.fenceWrites();
    expect({ rw: p.rw.targets, ro: p.ro.targets }).toEqual({ rw: [], ro: [5402] });
  });

  it('listens again on the remembered ports when they are free, and on new ones when not', async () => {
    const first = await open(undefined);
    const remembered = first.ports();
    expect(remembered.external).toBeUndefined();
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    const again = await open(remembered);
    expect(again.ports()).toMatchObject({ rw: remembered.rw, ro: remembered.ro, r: remembered.r });
    // the same ports again while `again` holds them: new ones, not an error
    const other = await open(remembered);
    const ports = other.ports();
    expect([ports.rw, ports.ro, ports.r].some((port) => [remembered.rw, remembered.ro, remembered.r].includes(port))).toBe(false);
  });
});
