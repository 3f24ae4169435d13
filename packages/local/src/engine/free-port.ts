// The engine's port picker at run time: PostgreSQL cannot listen on port 0, so each instance gets
// a port chosen here. Tests and benchmarks use the test kit's freePort; the published package
// never depends on the test kit, hence this one.
import net from 'node:net';

/** A port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
