// `DIR/hikube.env`: what `source DIR/hikube.env` gives a shell to call the public API with curl.
// It holds key secrets, so it is owner-only from its creation.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFileSync } from '../files/private-files.js';

export interface HikubeEnv {
  HIKUBE_API: string;
  HIKUBE_API_KEY: string;
  HIKUBE_PROJECT_ID: string;
  HIKUBE_CA_CERT: string;
  /** A `read` key of the same project, for trying the scopes. */
  HIKUBE_API_READ_KEY: string;
}

const names = ['HIKUBE_API', 'HIKUBE_API_KEY', 'HIKUBE_PROJECT_ID', 'HIKUBE_CA_CERT', 'HIKUBE_API_READ_KEY'] as const;

export function hikubeEnvPath(dataDir: string): string {
  return join(dataDir, 'hikube.env');
}

/** Single quotes keep a shell from expanding anything in the value. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function renderHikubeEnv(env: HikubeEnv): string {
  return names.map((name) => `export ${name}=${shellQuote(env[name])}\n`).join('');
}

export function writeHikubeEnv(dataDir: string, env: HikubeEnv): string {
  const path = hikubeEnvPath(dataDir);
  writePrivateFileSync(path, renderHikubeEnv(env));
  return path;
}

/** The values of an existing env file (as this module writes it), or undefined when there is none. */
export function readHikubeEnv(dataDir: string): Partial<HikubeEnv> | undefined {
  const path = hikubeEnvPath(dataDir);
  if (!existsSync(path)) return undefined;
  const env: Partial<HikubeEnv> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^export ([A-Z_]+)='([^']*)'$/.exec(line);
    const name = names.find((n) => n === match?.[1]);
    if (match && name) env[name] = match[2] as string;
  }
  return env;
}
