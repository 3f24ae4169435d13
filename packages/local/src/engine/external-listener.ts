// The listener of an external cluster: port 5432 of the cluster's own loopback address, as Hikube
// serves every external cluster on 5432 of its public IPv4. When that cannot be had, the cluster
// still gets a listener and the published address says how to reach it (see the README).

import net from 'node:net';
import { TcpProxy } from './tcp-proxy.js';

/** PostgreSQL's port, which Hikube's guides use for every cluster. */
const POSTGRES_PORT = 5432;

/** Why a listen failed: the port is someone else's, or the address is not on this machine (macOS has only 127.0.0.1). */
const PORT_TAKEN = new Set(['EADDRINUSE', 'EACCES']);
const ADDRESS_MISSING = 'EADDRNOTAVAIL';

function listenError(err: unknown): string | undefined {
  return (err as { code?: string }).code;
}

/**
 * Ports 5432 held for clusters whose listener is not up yet, by address, with the engine that
 * holds each. A probe that closed its socket again would leave a gap of seconds (until the
 * cluster's instances run) in which another Hikube Local could pick the same address: two
 * clusters on one address, and clients on the wrong one.
 */
const reserved = new Map<string, { holder: net.Server; owner: object; address: string }>();
const claimKey = (address: string, port: number): string => `${address}:${port}`;

/**
 * True when `address`:5432 is taken (by another server, another Hikube Local, or another engine of
 * this process); when it is free, it is bound and held for `owner` until `listenExternal` takes it
 * over, so nobody can take it in between. An address missing on this machine counts as free
 * (nothing is held: listenExternal falls back to 127.0.0.1).
 */
export function claimExternalPort(address: string, owner: object, port = POSTGRES_PORT): Promise<boolean> {
  const key = claimKey(address, port);
  if (reserved.has(key)) return Promise.resolve(true);
  return new Promise((resolve, reject) => {
    const holder = net.createServer({ pauseOnConnect: true });
    // A client arriving before the cluster's listener takes over is refused, as a closed port would be.
    holder.on('connection', (socket) => socket.destroy());
    holder.once('error', (err) => {
      const code = listenError(err);
      if (code !== undefined && PORT_TAKEN.has(code)) resolve(true);
      else if (code === ADDRESS_MISSING) resolve(false);
      else reject(err);
    });
    holder.listen(port, address, () => {
      reserved.set(key, { holder, owner, address });
      resolve(false);
    });
  });
}

/** Closes the holds of `owner` (an engine stopping), or only the one on `address`. */
export async function releaseExternalPorts(owner: object, address?: string): Promise<void> {
  const closing: Promise<void>[] = [];
  for (const [key, claim] of reserved) {
    if (claim.owner !== owner || (address !== undefined && claim.address !== address)) continue;
    reserved.delete(key);
    closing.push(new Promise<void>((resolve) => claim.holder.close(() => resolve())));
  }
  await Promise.all(closing);
}

/**
 * A proxy on `address`:5432; when that port is taken, on another port of `address` (the one used
 * before, `remembered`, when it is still free); when `address` does not exist on this machine,
 * on a free port of 127.0.0.1. The proxy's `host` and `port` are what clients must use.
 */
export async function listenExternal(address: string, remembered?: number, postgresPort = POSTGRES_PORT): Promise<TcpProxy> {
  const claim = reserved.get(claimKey(address, postgresPort));
  if (claim !== undefined) {
    reserved.delete(claimKey(address, postgresPort));
    return TcpProxy.listen({ listening: claim.holder });
  }
  const fallbackPorts = [...(remembered !== undefined && remembered !== postgresPort && remembered > 0 ? [remembered] : []), 0];
  try {
    return await TcpProxy.listen({ host: address, port: postgresPort });
  } catch (err) {
    const code = listenError(err);
    if (code === ADDRESS_MISSING) return listenFirst('127.0.0.1', fallbackPorts);
    if (code === undefined || !PORT_TAKEN.has(code)) throw err;
    return listenFirst(address, fallbackPorts);
  }
}

async function listenFirst(host: string, ports: readonly number[]): Promise<TcpProxy> {
  for (const port of ports.slice(0, -1)) {
    try {
      return await TcpProxy.listen({ host, port });
    } catch {
      // taken meanwhile: the next one
    }
  }
  return TcpProxy.listen({ host, port: ports.at(-1) ?? 0 });
}
