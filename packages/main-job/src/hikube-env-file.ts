// What `source DIR/hikube.env` gives a shell: Hikube Local's public API address, its CA and the
// first project's ID and key. The main job hands these to Terraform's environment (as a customer
// exports them) and never prints the key.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MainJobError } from './main-job-errors.js';

export const PUBLIC_API_VARIABLES = ['HIKUBE_API', 'HIKUBE_CA_CERT', 'HIKUBE_PROJECT_ID', 'HIKUBE_API_KEY'] as const;
export type PublicApiEnv = Record<(typeof PUBLIC_API_VARIABLES)[number], string>;

/** `export NAME='value'` lines (a quote inside written `'\''`), as Hikube Local writes them. */
export function parseEnvFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^export ([A-Z_0-9]+)='((?:[^']|'\\'')*)'$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) variables[match[1]] = match[2].replaceAll(`'\\''`, `'`);
  }
  return variables;
}

export async function readPublicApiEnv(dataDir: string): Promise<PublicApiEnv> {
  const path = join(dataDir, 'hikube.env');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new MainJobError(
      'HIKUBE_MAIN_JOB_PUBLIC_ENV',
      `${path} could not be read (${(err as Error).message}): Hikube Local writes it at start; npm run down, then npm start, makes a fresh one`,
      { cause: err },
    );
  }
  const variables = parseEnvFile(text);
  const missing = PUBLIC_API_VARIABLES.filter((name) => !variables[name]);
  if (missing.length > 0)
    throw new MainJobError('HIKUBE_MAIN_JOB_PUBLIC_ENV', `${path} has no ${missing.join(', ')}: npm run down, then npm start, makes a fresh one`);
  return Object.fromEntries(PUBLIC_API_VARIABLES.map((name) => [name, variables[name] ?? ''])) as PublicApiEnv;
}
