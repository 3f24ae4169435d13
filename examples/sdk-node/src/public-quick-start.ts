import { connectionString, createPublicClient, type Cluster, type ClusterCreate } from '@hikube/sdk';
import { Client } from 'pg';

export interface PublicQuickStartResult {
  cluster: Cluster;
  /** What PostgreSQL answered on the first connection. */
  session: { user: string; database: string; ssl: boolean; uuid: string };
  /** How PostgreSQL refused the password that was rotated away (SQLSTATE and message). */
  oldPasswordRefused: { code: string; message: string };
  /** The password in force after the rotation (the API shows it once). */
  password: string;
}

/**
 * node-postgres reads `sslmode=require` as verify-full unless asked to read it as libpq does
 * (encrypted, certificate not checked); with a CA file (Hikube Local's HIKUBE_CA_CERT) the
 * certificate is checked against it.
 */
function forNodePostgres(uri: string, caFile: string | undefined): string {
  return `${uri}&uselibpqcompat=true${caFile ? `&sslrootcert=${encodeURIComponent(caFile)}` : ''}`;
}

/**
 * Hikube's public API from Node: a replicated, external cluster with a quorum, a database with an
 * extension, a user, a connection with the user's password, then a rotation that locks the old
 * password out at once.
 */
export async function publicQuickStart(
  name: string,
  version: ClusterCreate['version'] = 'v18',
  log: (line: string) => void = console.log,
): Promise<PublicQuickStartResult> {
  // HIKUBE_API, HIKUBE_API_KEY, HIKUBE_PROJECT_ID (and HIKUBE_CA_CERT for Hikube Local).
  const hikube = createPublicClient();
  const caFile = process.env['HIKUBE_CA_CERT'];
  try {
    await hikube.postgres.clusters.create({
      name, // 3-16 lowercase letters and digits
      version,
      size: 10, // GB per instance
      replicas: 3, // a primary and two standbys
      quorum: { minSyncReplicas: 1, maxSyncReplicas: 1 }, // each commit confirmed by one standby
      external: true, // a public address, reported as `host`
    });
    await hikube.postgres.clusters.waitUntilReady(name, { onStatus: (status) => log(`cluster ${name}: ${status}`) });

    await hikube.postgres.databases(name).create({ databaseName: 'shop', extensions: ['pgcrypto'] });
    const users = hikube.postgres.users(name);
    const { password } = await users.create({ username: 'app', config: { databases: { shop: { role: 'admin' } } } });
    // The platform applies the new database and user; ready again means they are there.
    const cluster = await hikube.postgres.clusters.waitUntilReady(name);
    const uri = (secret: string) => forNodePostgres(connectionString(cluster, { user: 'app', password: secret, database: 'shop' }), caFile);

    const db = new Client({ connectionString: uri(password) });
    await db.connect();
    let session: PublicQuickStartResult['session'];
    try {
      const { rows } = await db.query<PublicQuickStartResult['session']>(
        'SELECT current_user AS user, current_database() AS database, ssl, gen_random_uuid()::text AS uuid FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      session = rows[0] as PublicQuickStartResult['session'];
    } finally {
      await db.end();
    }
    log(`connected to ${cluster.host} as ${session.user} to ${session.database} (TLS: ${session.ssl}); pgcrypto says ${session.uuid}`);

    const rotated = await users.rotatePassword('app');
    const stale = new Client({ connectionString: uri(password) });
    const refused = await stale.connect().then(
      () => undefined,
      (error: Error & { code?: string }) => ({ code: error.code ?? '', message: error.message }),
    );
    await stale.end().catch(() => undefined);
    if (refused === undefined) throw new Error('the rotated-away password still connects');
    log(`old password refused: ${refused.code} ${refused.message}`);
    return { cluster, session, oldPasswordRefused: refused, password: rotated.password };
  } finally {
    await hikube.close();
  }
}
