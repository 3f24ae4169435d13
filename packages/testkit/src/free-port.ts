import { createServer, type Server } from 'node:net';

import { TestkitInputError } from './errors.js';

function listenOnEphemeral(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Returns `count` distinct TCP ports that were free on 127.0.0.1 a moment ago. All are held open
 * together while choosing, so the same port is never returned twice in one call. Another process
 * can still take one before the caller binds it; servers that accept port 0 are better still.
 */
export async function freePorts(count: number): Promise<number[]> {
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new TestkitInputError('count', `must be an integer from 1 to 100, got ${count}`);
  }
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await listenOnEphemeral());
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('listening TCP server has no port');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map(close));
  }
}

/** One free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  if (port === undefined) throw new Error('freePorts(1) returned nothing');
  return port;
}
