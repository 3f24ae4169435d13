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
}

/** Every docs file: path relative to provider/ -> contents. */
export function renderDocs(): Map<string, string> {
  const document = providerSchemaJson(hikubeProvider) as { provider_schemas: Record<string, ProviderSchemas> };
  const schemas = document.provider_schemas[providerAddress] as ProviderSchemas;
  const files = new Map<string, string>();
  files.set('docs/index.md', renderPage({ kind: 'provider', name: 'hikube', schema: schemas.provider, examples: [{ title: '', language: 'terraform', body: examples('provider/provider.tf') }] }));
  const cluster = schemas.resource_schemas['hikube_postgres_cluster'] as SchemaJson;
  files.set(
    'docs/resources/postgres_cluster.md',
    renderPage({
      kind: 'resource',
      name: 'hikube_postgres_cluster',
      schema: cluster,
      examples: [
        { title: '', language: 'terraform', body: examples('resources/hikube_postgres_cluster/resource.tf') },
        { title: 'On Hikube\'s public API', language: 'terraform', body: examples('resources/hikube_postgres_cluster/public-api.tf') },
      ],
      footer: [
        `Default timeouts: create ${defaultTimeoutsText.create}, update ${defaultTimeoutsText.update}, delete ${defaultTimeoutsText.delete}. A create or update that times out leaves the cluster in state (tainted after a create) with the reason.`,
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
        footer: ['## Import', '', 'Import by `<cluster>/<name>`, with an `import` block or the command:', '', '```shell', example('import.sh').trimEnd(), '```', '', note].join('\n'),
      }),
    );
  }
  for (const name of Object.keys(schemas.data_source_schemas).sort()) {
    files.set(
      `docs/data-sources/${name.replace(/^hikube_/, '')}.md`,
      renderPage({ kind: 'data-source', name, schema: schemas.data_source_schemas[name] as SchemaJson, examples: [{ title: '', language: 'terraform', body: examples(`data-sources/${name}/data-source.tf`) }] }),
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
