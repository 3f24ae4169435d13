// The provider's own schema document: what `terraform-provider-hikube schema` prints (the
// `terraform providers schema -json` document for this one provider). Never written by hand.
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';

import { PACKAGE_ROOT } from './binding-sets.mjs';
import { runCommand } from './run-command.mjs';

const PROVIDER_PACKAGE = 'terraform-provider-hikube';
const EXECUTABLE_ENV = 'HIKUBE_PROVIDER_EXECUTABLE';

export class ProviderSchemaError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'ProviderSchemaError';
    this.code = code;
  }
}

/**
 * The provider executable: `$HIKUBE_PROVIDER_EXECUTABLE` when set (e.g. a release build),
 * otherwise the `bin` the workspace package `terraform-provider-hikube` declares.
 */
export async function findProviderExecutable(env = process.env) {
  const override = env[EXECUTABLE_ENV];
  if (override) {
    if (!isAbsolute(override)) {
      throw new ProviderSchemaError(
        'HIKUBE_CDKTF_BAD_EXECUTABLE',
        `${EXECUTABLE_ENV}="${override}" is not an absolute path; give the full path of the provider executable`,
      );
    }
    return assertExists(override, `${EXECUTABLE_ENV} names ${override}, which does not exist`);
  }
  const manifestPath = await findPackageManifest(PROVIDER_PACKAGE);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[PROVIDER_PACKAGE];
  if (!bin) {
    throw new ProviderSchemaError(
      'HIKUBE_CDKTF_NO_PROVIDER',
      `${PROVIDER_PACKAGE}'s package.json declares no "bin" named ${PROVIDER_PACKAGE}; the bindings are generated from \`${PROVIDER_PACKAGE} schema\``,
    );
  }
  return assertExists(
    join(dirname(manifestPath), bin),
    `${PROVIDER_PACKAGE}'s executable ${bin} is not built yet; run \`npm run build -w ${PROVIDER_PACKAGE}\` (or \`npx tsc -b\`) first`,
  );
}

// Its exports map hides package.json from require.resolve, so walk the lookup paths instead.
async function findPackageManifest(name) {
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = join(dir, name, 'package.json');
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not in this node_modules; keep walking up
    }
  }
  throw new ProviderSchemaError('HIKUBE_CDKTF_NO_PROVIDER', `the ${name} package is not installed here; run \`npm ci\` at the repository root`);
}

async function assertExists(path, message) {
  try {
    await access(path);
  } catch (error) {
    throw new ProviderSchemaError('HIKUBE_CDKTF_NO_PROVIDER', message, { cause: error });
  }
  return path;
}

/** Runs `<provider> schema` and returns the checked document. */
export async function readProviderSchema(env = process.env) {
  const executable = await findProviderExecutable(env);
  const [file, args] = /\.[cm]?js$/.test(executable) ? [process.execPath, [executable, 'schema']] : [executable, ['schema']];
  const { stdout } = await runCommand(file, args);
  return checkSchemaDocument(stdout, `\`${executable} schema\``);
}

/**
 * Parses and checks what the generator relies on: one provider under a full source address
 * (`hostname/namespace/type`) with provider, resource and data source schemas.
 * @returns {{ document: object, source: string, type: string }}
 */
export function checkSchemaDocument(text, origin) {
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ProviderSchemaError('HIKUBE_CDKTF_BAD_SCHEMA', `${origin} did not print a JSON document: ${text.slice(0, 200)}`, { cause: error });
  }
  const fail = (field, what) => {
    throw new ProviderSchemaError('HIKUBE_CDKTF_BAD_SCHEMA', `${origin}: ${field} ${what}`);
  };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) fail('the document', 'is not a JSON object');
  if (typeof document.format_version !== 'string') fail('format_version', 'is missing; expected the `providers schema -json` document');
  const schemas = document.provider_schemas;
  if (typeof schemas !== 'object' || schemas === null) fail('provider_schemas', 'is missing');
  const sources = Object.keys(schemas);
  if (sources.length !== 1) fail('provider_schemas', `has ${sources.length} providers (${sources.join(', ') || 'none'}); expected exactly one`);
  const [source] = sources;
  const parts = source.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) fail(`provider_schemas["${source}"]`, 'is not a full source address hostname/namespace/type');
  const schema = schemas[source];
  for (const field of ['provider', 'resource_schemas', 'data_source_schemas']) {
    if (typeof schema?.[field] !== 'object' || schema[field] === null) fail(`provider_schemas["${source}"].${field}`, 'is missing');
  }
  return { document, source, type: parts[2] };
}
