// `DIR/hikube.env`: what `source DIR/hikube.env` gives a shell to call the public API with curl.
// The first project's variables carry the plain names (and `PROJECT_ID`, the name Hikube's guides
// use); each further project's carry a suffix, `_2`, `_3`... It holds key secrets, so it is
// owner-only from its creation.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFileSync } from '../files/private-files.js';

export interface ProjectEnv {
  projectId: string;
  adminKey: string;
  /** A `read` key of the same project, for trying the scopes. */
  readKey: string;
}

export interface HikubeEnv {
  apiUrl: string;
  caCertPath: string;
  /** The first one is the default project. */
  projects: readonly ProjectEnv[];
}

function hikubeEnvPath(dataDir: string): string {
  return join(dataDir, 'hikube.env');
}

/** The suffix of the variables of the project at `index`: none for the first, then `_2`, `_3`... */
export function projectSuffix(index: number): string {
  return index === 0 ? '' : `_${index + 1}`;
}

/** The variables, in the order the file lists them. */
function envVariables(env: HikubeEnv): [string, string][] {
  const variables: [string, string][] = [
    ['HIKUBE_API', env.apiUrl],
    ['HIKUBE_CA_CERT', env.caCertPath],
  ];
  env.projects.forEach((project, index) => {
    const suffix = projectSuffix(index);
    variables.push(
      [`HIKUBE_PROJECT_ID${suffix}`, project.projectId],
      [`HIKUBE_API_KEY${suffix}`, project.adminKey],
      [`HIKUBE_API_READ_KEY${suffix}`, project.readKey],
    );
    if (index === 0) variables.push(['PROJECT_ID', project.projectId]);
  });
  return variables;
}

/** Single quotes keep a shell from expanding anything in the value. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function renderHikubeEnv(env: HikubeEnv): string {
  const header = env.projects.length > 1 ? `# ${env.projects.length} projects: the first one's variables have no suffix, the others end in _2, _3...\n` : '';
  return (
    header +
    envVariables(env)
      .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
      .join('')
  );
}

export function writeHikubeEnv(dataDir: string, env: HikubeEnv): string {
  const path = hikubeEnvPath(dataDir);
  writePrivateFileSync(path, renderHikubeEnv(env));
  return path;
}

/** The variables of an existing env file (as this module writes it), or undefined when there is none. */
export function readHikubeEnv(dataDir: string): Record<string, string> | undefined {
  const path = hikubeEnvPath(dataDir);
  if (!existsSync(path)) return undefined;
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^export ([A-Z_0-9]+)='([^']*)'$/.exec(line);
    if (match) env[match[1] as string] = match[2] as string;
  }
  return env;
}
