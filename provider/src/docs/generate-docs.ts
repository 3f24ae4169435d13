// Writes provider/docs from the schema and provider/examples; `check` mode reports stale files.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { providerSchemaJson } from '@hikube/tfplugin';
import { packageRoot } from '../build/build-executable.js';
import { hikubeProvider, providerAddress } from '../provider.js';
import { defaultTimeoutsText } from '../resources/postgres-cluster/schema.js';
import { renderPage, type SchemaJson } from './render-docs.js';

const examples = (path: string) => readFileSync(join(packageRoot, 'examples', path), 'utf8');

interface ProviderSchemas {
  provider: SchemaJson;
  resource_schemas: Record<string, SchemaJson>;
  data_source_schemas: Record<string, SchemaJson>;
  ephemeral_resource_schemas: Record<string, SchemaJson>;
}

/** What the schema cannot say about each ephemeral resource. */
const ephemeralFooter: Record<string, string> = {
  hikube_postgres_credentials: [
    '## When Terraform reads it',
    '',
    'Terraform opens the ephemeral resource during each `plan` and `apply` that uses it (with a known ' +
      'configuration) and forgets the values at the end of the run: ' +
      'they appear in no plan file and no state file. Only provider blocks, write-only arguments ' +
      '(such as `password_wo`), locals and other ephemeral contexts may use them.',
    '',
    'Terraform reads it during the plan whenever its arguments are known then, so the cluster and the ' +
      'user must exist before that plan: it is meant for clusters ' +
      'another workspace (or an earlier apply) manages. It is also read during `terraform destroy`; ' +
      'if the cluster is already gone, remove the block and the arguments using it first. ' +
      'For a cluster this configuration manages, its passwords are already in this state (`credentials`), or never anywhere with `password_wo`.',
    '',
    "Compared with `hikube_postgres_cluster`'s `credentials` and `connection_uris` and the " +
      '`hikube_postgres_cluster` data source, which keep passwords (sensitive) in state, ' +
      'this reads the same Secret and keeps nothing.',
    '',
    '## On the public API',
    '',
    "Hikube's public API returns a user's password only when the user is created and when the " +
      'password is rotated; no call reads it later, so this resource needs the Kubernetes ' +
      '(Cozystack) settings. ' +
      'Reading a password there would mean rotating it at every plan, which cuts off every other client of that user: the provider does not do that. ' +
      'The honest public-API variant is a user of its own per run (open creates it with the roles ' +
      'asked for and returns the password the API gives at creation; close deletes it), ' +
      'suited to a provider block that manages roles and grants during one apply. The provider does ' +
      'not offer that variant yet; on the public API, the platform-generated password of a ' +
      '`hikube_postgres_user` is in its (sensitive) `password` attribute, in state.',
  ].join('\n'),
};

/** Every docs file: path relative to provider/ -> contents. */
export function renderDocs(): Map<string, string> {
  const document = providerSchemaJson(hikubeProvider) as { provider_schemas: Record<string, ProviderSchemas> };
  const schemas = document.provider_schemas[providerAddress] as ProviderSchemas;
  const files = new Map<string, string>();
  files.set(
    'docs/index.md',
    renderPage({
      kind: 'provider',
      name: 'hikube',
      schema: schemas.provider,
      examples: [{ title: '', language: 'terraform', body: examples('provider/provider.tf') }],
    }),
  );
  const cluster = schemas.resource_schemas['hikube_postgres_cluster'] as SchemaJson;
  files.set(
    'docs/resources/postgres_cluster.md',
    renderPage({
      kind: 'resource',
      name: 'hikube_postgres_cluster',
      schema: cluster,
      examples: [
        { title: '', language: 'terraform', body: examples('resources/hikube_postgres_cluster/resource.tf') },
        { title: "On Hikube's public API", language: 'terraform', body: examples('resources/hikube_postgres_cluster/public-api.tf') },
      ],
      footer: [
        `Default timeouts: create ${defaultTimeoutsText.create}, update ` +
          `${defaultTimeoutsText.update}, delete ${defaultTimeoutsText.delete}. A create or update that ` +
          `times out leaves the cluster in state (tainted after a create) with the reason.`,
        '',
        '## Import',
        '',
        'Import by `<namespace>/<name>` (Kubernetes API) or by name (public API), with an `import` block or the command:',
        '',
        '```shell',
        examples('resources/hikube_postgres_cluster/import.sh').trimEnd(),
        '```',
        '',
        'Write-only passwords cannot be read back: after an import, a user with `password_wo` gets its password sent again on the next apply.',
      ].join('\n'),
    }),
  );
  for (const [name, note] of [
    ['hikube_postgres_database', 'Deleting the resource deletes the database and its data.'],
    ['hikube_postgres_user', 'An imported user has no password in state until it is rotated: set (or change) `password_version` and apply.'],
  ] as const) {
    const example = (file: string) => examples(`resources/${name}/${file}`);
    files.set(
      `docs/resources/${name.replace(/^hikube_/, '')}.md`,
      renderPage({
        kind: 'resource',
        name,
        schema: schemas.resource_schemas[name] as SchemaJson,
        examples: [{ title: '', language: 'terraform', body: example('resource.tf') }],
        footer: [
          '## Import',
          '',
          'Import by `<cluster>/<name>`, with an `import` block or the command:',
          '',
          '```shell',
          example('import.sh').trimEnd(),
          '```',
          '',
          note,
        ].join('\n'),
      }),
    );
  }
  for (const name of Object.keys(schemas.data_source_schemas).sort()) {
    files.set(
      `docs/data-sources/${name.replace(/^hikube_/, '')}.md`,
      renderPage({
        kind: 'data-source',
        name,
        schema: schemas.data_source_schemas[name] as SchemaJson,
        examples: [{ title: '', language: 'terraform', body: examples(`data-sources/${name}/data-source.tf`) }],
      }),
    );
  }
  for (const name of Object.keys(schemas.ephemeral_resource_schemas).sort()) {
    files.set(
      `docs/ephemeral-resources/${name.replace(/^hikube_/, '')}.md`,
      renderPage({
        kind: 'ephemeral-resource',
        name,
        schema: schemas.ephemeral_resource_schemas[name] as SchemaJson,
        examples: [{ title: '', language: 'terraform', body: examples(`ephemeral-resources/${name}/ephemeral-resource.tf`) }],
        ...(ephemeralFooter[name] !== undefined ? { footer: ephemeralFooter[name] } : {}),
      }),
    );
  }
  return files;
}

/** Docs files whose contents differ from what the schema and examples give. */
export async function staleDocs(): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, contents] of renderDocs()) {
    const current = await readFile(join(packageRoot, path), 'utf8').catch(() => null);
    if (current !== contents) stale.push(path);
  }
  return stale;
}

export async function writeDocs(): Promise<string[]> {
  const written: string[] = [];
  for (const [path, contents] of renderDocs()) {
    await mkdir(dirname(join(packageRoot, path)), { recursive: true });
    await writeFile(join(packageRoot, path), contents);
    written.push(path);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const path of await writeDocs()) process.stdout.write(`${path}\n`);
}
