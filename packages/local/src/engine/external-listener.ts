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

/** True when `address`:`port` is taken on this machine right now (by another server, or another Hikube Local). */
export function portInUse(address: string, port = POSTGRES_PORT): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err) => {
      const code = listenError(err);
      if (code !== undefined && PORT_TAKEN.has(code)) resolve(true);
      else if (code === ADDRESS_MISSING)
        resolve(false); // listenExternal falls back; nobody holds it
      else reject(err);
    });
    probe.listen(port, address, () => probe.close(() => resolve(false)));
  });
}

/**
 * A proxy on `address`:5432; when that port is taken, on another port of `address` (the one used
 * before, `remembered`, when it is still free); when `address` does not exist on this machine,
 * on a free port of 127.0.0.1. The proxy's `host` and `port` are what clients must use.
 */
export async function listenExternal(address: string, remembered?: number, postgresPort = POSTGRES_PORT): Promise<TcpProxy> {
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
