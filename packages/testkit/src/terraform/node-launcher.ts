import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import { TestkitInputError } from '../errors.js';

export interface NodeLauncherOptions {
  /** Directory the launcher is written to. */
  dir: string;
  /** Absolute path of the JavaScript entry (typically the provider's bundle). */
  script: string;
  /** File name; default `terraform-provider-launcher`. */
  name?: string;
  /** Node executable; default the one running this process. */
  node?: string;
  /** Arguments for Node itself, placed before the script (e.g. `--enable-source-maps`). */
  nodeArgs?: readonly string[];
  /** Environment variables set for the provider, in the script (names and plain values). */
  env?: Readonly<Record<string, string>>;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Writes an executable `/bin/sh` launcher that runs `node <script>`. It uses `exec`, so the PID
 * Terraform starts (and later kills) is the Node process itself and no orphan keeps its pipes open.
 */
export async function createNodeLauncher(options: NodeLauncherOptions): Promise<string> {
  for (const [field, value] of [
    ['dir', options.dir],
    ['script', options.script],
  ] as const) {
    if (!isAbsolute(value)) throw new TestkitInputError(field, `"${value}" must be an absolute path`);
  }
  const name = options.name ?? 'terraform-provider-launcher';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new TestkitInputError('name', `"${name}" must be a plain file name`);
  const lines = ['#!/bin/sh'];
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new TestkitInputError('env', `"${key}" is not an environment variable name`);
    lines.push(`export ${key}=${shellQuote(value)}`);
  }
  const argv = [options.node ?? process.execPath, ...(options.nodeArgs ?? []), options.script].map(shellQuote);
  lines.push(`exec ${argv.join(' ')} "$@"`, '');
  await mkdir(options.dir, { recursive: true });
  const path = join(options.dir, name);
  await writeFile(path, lines.join('\n'));
  await chmod(path, 0o755);
  return path;
}
