import { createServer } from 'node:net';

import { describe, expect, it } from 'vitest';

import { TestkitInputError } from './errors.js';
import { freePort, freePorts } from './free-port.js';

describe('freePorts', () => {
  it('returns distinct ports that can be bound on 127.0.0.1', async () => {
    const ports = await freePorts(5);
    expect(new Set(ports).size).toBe(5);
    const port = await freePort();
    await new Promise<void>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
    });
  });

  it.each([0, -1, 1.5, 101])('rejects count %s', async (count) => {
    await expect(freePorts(count)).rejects.toThrow(TestkitInputError);
  });
});
