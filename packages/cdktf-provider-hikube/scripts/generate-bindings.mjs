// Provider schema -> TypeScript bindings, through the set's own generator (the same code
// `cdktf get` / `cdktn get` runs, fed our schema instead of a registry download).
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runCommand } from './run-command.mjs';

const EMITTER = join(dirname(fileURLToPath(import.meta.url)), 'emit-bindings.cjs');

/**
 * The generators' shared library runs `terraform version -json` as soon as it is loaded. Keep the
 * developer's Terraform settings (TF_CLI_CONFIG_FILE, TF_LOG...) and the update check out of it:
 * it only feeds a log line, and the output must not depend on who runs it.
 */
function generatorEnvironment() {
  const env = { CHECKPOINT_DISABLE: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TF_') && value !== undefined) env[key] = value;
  }
  return env;
}

/**
 * Writes the bindings for `schema` (from checkSchemaDocument) into `outDir`, replacing what is
 * there. The generator's per-folder README.md files only point at a registry page; they are left out.
 */
export async function generateBindings(set, schema, outDir) {
  const work = await mkdtemp(join(tmpdir(), 'hikube-cdktf-generate-'));
  try {
    const schemaFile = join(work, 'schema.json');
    await writeFile(schemaFile, JSON.stringify(schema.document));
    await runCommand(process.execPath, [EMITTER, set.generator, schemaFile, join(work, 'out')], { env: generatorEnvironment() });
    const generated = join(work, 'out', 'providers', schema.type);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    await cp(generated, outDir, { recursive: true, filter: (source) => basename(source) !== 'README.md' });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Files under `dir`, relative, sorted; an absent directory has none. */
export async function listFiles(dir) {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** How `actualDir` differs from `expectedDir`: files missing, extra, or with other contents. */
export async function compareTrees(expectedDir, actualDir) {
  const expected = await listFiles(expectedDir);
  const actual = await listFiles(actualDir);
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  const changed = [];
  for (const file of expected.filter((name) => actualSet.has(name))) {
    const [want, got] = await Promise.all([readFile(join(expectedDir, file)), readFile(join(actualDir, file))]);
    if (!want.equals(got)) changed.push(file);
  }
  return {
    missing: expected.filter((name) => !actualSet.has(name)),
    extra: actual.filter((name) => !expectedSet.has(name)),
    changed,
  };
}

export function describeDifferences({ missing, extra, changed }) {
  return [...missing.map((file) => `missing: ${file}`), ...extra.map((file) => `not generated: ${file}`), ...changed.map((file) => `differs: ${file}`)];
}
