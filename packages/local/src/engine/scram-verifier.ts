import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

// PostgreSQL accepts a precomputed SCRAM-SHA-256 verifier in CREATE/ALTER ROLE ... PASSWORD, so
// the clear-text password never travels in a statement (nor into a server log).
const ITERATIONS = 4096;

function keys(password: string, salt: Buffer, iterations: number): { stored: Buffer; server: Buffer } {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  return {
    stored: createHash('sha256').update(clientKey).digest(),
    server: createHmac('sha256', salted).update('Server Key').digest(),
  };
}

export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const { stored, server } = keys(password, salt, ITERATIONS);
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${stored.toString('base64')}:${server.toString('base64')}`;
}

/** Does a stored verifier (pg_authid.rolpassword) match this password? */
export function verifierMatches(verifier: string | null | undefined, password: string): boolean {
  const m = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier ?? '');
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return false;
  const { stored, server } = keys(password, Buffer.from(m[2], 'base64'), Number(m[1]));
  const wantStored = Buffer.from(m[3], 'base64');
  const wantServer = Buffer.from(m[4], 'base64');
  return (
    wantStored.length === stored.length && wantServer.length === server.length && timingSafeEqual(stored, wantStored) && timingSafeEqual(server, wantServer)
  );
}
