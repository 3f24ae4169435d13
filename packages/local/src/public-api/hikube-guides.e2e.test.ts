// The curl examples of Hikube's own PostgreSQL guides (quick start, users and databases, scaling),
// run as published with the real curl, bash and jq against Hikube Local, with `DIR/hikube.env`
// sourced. Only the environment differs from a Hikube user's shell: CURL_CA_BUNDLE trusts Hikube
// Local's CA, and a .curlrc in CURL_HOME writes each answer's HTTP status to stderr (the guides'
// commands print only bodies). The commands come from testdata/hikube-guides/postgres-guides.json
// (scripts/extract-guide-commands.mjs). The deterministic driver answers: the guides' psql steps
// need a server's address and are left to the engine suites.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHikubeLocal, type HikubeLocal } from '../server/start-hikube-local.js';

interface GuidePage {
  path: string;
  version: string;
  commands: { section: string; script: string }[];
}

interface Ran {
  statuses: number[];
  stdout: string;
}

const fixture = JSON.parse(readFileSync(new URL('../../testdata/hikube-guides/postgres-guides.json', import.meta.url), 'utf8')) as {
  repository: string;
  pages: GuidePage[];
};

function command(page: string, section: string): string {
  const found = fixture.pages.find((p) => p.path.endsWith(page))?.commands.find((c) => c.section === section);
  if (!found) throw new Error(`the fixture has no command under "${section}" in ${page}`);
  return found.script;
}

let dir: string;
let shellDir: string;
let local: HikubeLocal;

/** One guide block in bash, `hikube.env` sourced first; the statuses come from the .curlrc's write-out. */
function run(script: string): Promise<Ran> {
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: shellDir, CURL_HOME: shellDir, CURL_CA_BUNDLE: join(dir, 'pki', 'ca.crt') };
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', `source '${local.publicApi.envPath}'\n${script}`], { cwd: shellDir, env, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`the guide's command failed: ${err.message}\n${stderr}`));
      else
        resolve({
          statuses: stderr
            .split('\n')
            .filter((l) => /^\d{3}$/.test(l))
            .map(Number),
          stdout,
        });
    });
  });
}

/** The JSON values a command printed one after the other (curl bodies have no newline; jq's do). */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
  }
  return values;
}

const PASSWORD = /^[A-Za-z0-9]{16}$/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hikube-guides-'));
  shellDir = mkdtempSync(join(tmpdir(), 'hikube-guides-shell-'));
  writeFileSync(join(shellDir, '.curlrc'), 'write-out = "%{stderr}%{http_code}\\n"\n');
  local = await startHikubeLocal({ dataDir: dir, port: 0, driver: 'deterministic' });
});

afterAll(async () => {
  await local.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(shellDir, { recursive: true, force: true });
});

describe("Hikube's PostgreSQL guides, run as published", () => {
  it('the fixture names its source and holds every page', () => {
    expect(fixture.repository).toBe('HidoraSwiss/hikube-public-doc');
    expect(fixture.pages.map((p) => p.path)).toEqual([
      'docs/services/databases/postgresql/how-to/manage-users-databases.md',
      'docs/services/databases/postgresql/how-to/scale-resources.md',
      'docs/services/databases/postgresql/quick-start.md',
    ]);
  });

  const created: { password?: string } = {};

  it('quick start, step 1: the project lists its clusters, then the presets catalog', async () => {
    const ran = await run(command('quick-start.md', 'Étape 1 : Créer le cluster'));
    expect(ran.statuses).toEqual([200, 200]);
    expect(jsonValues(ran.stdout)).toEqual([{ totalCount: '0', clusters: [] }]);
    const presetLines = ran.stdout
      .slice(ran.stdout.indexOf('}') + 1)
      .trim()
      .split('\n');
    // The documented names first, then the platform's current series (t1. ... m1.), which it also accepts.
    expect(presetLines.slice(0, 7).map((line) => line.split('\t')[0])).toEqual(['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge']);
    expect(presetLines[2]).toBe('small\t1\t512Mi');
    expect(presetLines).toContain('c1.small\t1\t1Gi');
    expect(presetLines).toHaveLength(47);
  });

  it('quick start, step 2: the cluster demopg, then the database myapp', async () => {
    const [createCluster, createDatabase] =
      fixture.pages.find((p) => p.path.endsWith('quick-start.md'))?.commands.filter((c) => c.section === 'Étape 2 : Configurer et valider') ?? [];
    const cluster = await run(createCluster?.script ?? '');
    expect(cluster.statuses).toEqual([200]);
    expect(jsonValues(cluster.stdout)).toEqual([
      expect.objectContaining({ name: 'demopg', version: 'v18', replicas: '1', size: '10', preset: 'small', external: true, status: 'provisioning' }),
    ]);
    const database = await run(createDatabase?.script ?? '');
    expect([database.statuses, jsonValues(database.stdout)]).toEqual([[200], [{ databaseName: 'myapp', roles: { admin: [], readonly: [] }, extensions: [] }]]);
  });

  it('quick start, step 3: the cluster with its status and host', async () => {
    const ran = await run(command('quick-start.md', "Étape 3 : Vérifier l'état"));
    expect(ran.statuses).toEqual([200]);
    const [view] = jsonValues(ran.stdout) as Record<string, unknown>[];
    expect(view).toMatchObject({ name: 'demopg', version: 'v18', replicas: '1', size: '10', preset: 'small', external: true });
    expect(['provisioning', 'ready']).toContain(view?.['status']);
    // The guide: `host` is the public address once assigned; until then (and here, until Hikube
    // Local serves external clusters on their own address) it is an empty string, never absent.
    expect(typeof view?.['host']).toBe('string');
  });

  it('quick start, step 4: the user app_user with admin on myapp and its password, once', async () => {
    const ran = await run(command('quick-start.md', 'Étape 4 : Récupérer les identifiants'));
    expect(ran.statuses).toEqual([200]);
    const [user] = jsonValues(ran.stdout) as { username: string; password: string }[];
    expect(user?.username).toBe('app_user');
    expect(user?.password).toMatch(PASSWORD);
  });

  it('users and databases, steps 1-5: a database with extensions, a read-only user, its rights changed, its password rotated', async () => {
    const database = await run(command('manage-users-databases.md', '1. Créer une base de données'));
    expect([database.statuses, jsonValues(database.stdout)]).toEqual([
      [200],
      [{ databaseName: 'analytics', roles: { admin: [], readonly: [] }, extensions: ['pg_stat_statements', 'pgcrypto'] }],
    ]);

    // `vector` is in the deterministic driver's catalog; with the engine it is there only when
    // pgvector is installed (the catalog is what the installed PostgreSQL offers).
    const extensions = await run(command('manage-users-databases.md', "2. Gérer les extensions d'une base"));
    expect([extensions.statuses, jsonValues(extensions.stdout)]).toEqual([
      [200],
      [expect.objectContaining({ extensions: ['pg_stat_statements', 'pgcrypto', 'vector'] })],
    ]);

    const user = await run(command('manage-users-databases.md', '3. Créer un utilisateur'));
    const [reader] = jsonValues(user.stdout) as { username: string; password: string }[];
    expect([user.statuses, reader?.username]).toEqual([[200], 'report_reader']);
    expect(reader?.password).toMatch(PASSWORD);
    created.password = reader?.password ?? '';

    const rights = await run(command('manage-users-databases.md', "4. Modifier les droits d'un utilisateur"));
    expect([rights.statuses, jsonValues(rights.stdout)]).toEqual([
      [200],
      [{ username: 'report_reader', config: { privileges: { replication: false }, databases: { analytics: { role: 'readonly' }, myapp: { role: 'admin' } } } }],
    ]);

    const rotated = await run(command('manage-users-databases.md', "5. Renouveler le mot de passe d'un utilisateur"));
    expect(rotated.statuses).toEqual([200]);
    expect(rotated.stdout.trim()).toMatch(PASSWORD);
    expect(rotated.stdout.trim()).not.toBe(created.password);
  });

  it(
    'users and databases, verification (run before step 6, which deletes what it checks): each ' + "database's extensions and roles, each user's rights",
    async () => {
      const ran = await run(command('manage-users-databases.md', 'Vérification'));
      expect(ran.statuses).toEqual([200, 200]);
      expect(jsonValues(ran.stdout)).toEqual([
        { databaseName: 'analytics', extensions: ['pg_stat_statements', 'pgcrypto', 'vector'], roles: { admin: [], readonly: ['report_reader'] } },
        { databaseName: 'myapp', extensions: [], roles: { admin: ['app_user', 'report_reader'], readonly: [] } },
        { username: 'app_user', databases: { myapp: { role: 'admin' } } },
        { username: 'report_reader', databases: { analytics: { role: 'readonly' }, myapp: { role: 'admin' } } },
      ]);
    },
  );

  it('users and databases, step 6: the database and the user deleted, {} each', async () => {
    const ran = await run(command('manage-users-databases.md', '6. Supprimer une base ou un utilisateur'));
    expect([ran.statuses, jsonValues(ran.stdout)]).toEqual([
      [200, 200],
      [{}, {}],
    ]);
  });

  it('scaling: read the configuration, send it back with preset medium and 20 GB, read the result once applied', async () => {
    const current = await run(command('scale-resources.md', '1. Ouvrir le formulaire de modification'));
    expect([current.statuses, jsonValues(current.stdout)]).toEqual([
      [200],
      [
        {
          version: 'v18',
          replicas: '1',
          size: '10',
          preset: 'small',
          external: true,
          config: { maxConnections: '100' },
          quorum: { minSyncReplicas: '0', maxSyncReplicas: '0' },
        },
      ],
    ]);

    // The guide's recipe: GET piped through jq into pg-update.json (int64 values as strings, size a number), then PATCH -d @pg-update.json.
    const patched = await run(command('scale-resources.md', '2. Ajuster les paramètres'));
    expect(patched.statuses).toEqual([200, 200]);
    expect(jsonValues(patched.stdout)).toEqual([
      expect.objectContaining({ name: 'demopg', version: 'v18', replicas: '1', size: '20', preset: 'medium', external: true }),
    ]);

    await local.idle();
    const after = await run(command('scale-resources.md', 'Vérification'));
    expect([after.statuses, jsonValues(after.stdout)]).toEqual([[200], [{ status: 'ready', version: 'v18', preset: 'medium', size: '20', external: true }]]);
  });

  it('quick start, step 7: the cluster deleted with {}, then gone from the list', async () => {
    const ran = await run(command('quick-start.md', 'Étape 7 : Nettoyage'));
    expect([ran.statuses, jsonValues(ran.stdout)]).toEqual([[200], [{}]]);
    await local.idle();
    const listed = await run(command('quick-start.md', 'Étape 1 : Créer le cluster'));
    expect(jsonValues(listed.stdout)[0]).toEqual({ totalCount: '0', clusters: [] });
  });
});
