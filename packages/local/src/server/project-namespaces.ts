// `--projects N`: how many public API projects get keys in DIR/hikube.env, and their namespaces.
// Kept apart from start-hikube-local.ts so the CLI checks the flag without loading the server.
import { DEFAULT_TENANT } from './data-dir.js';

/** Most projects `--projects` makes (each is a namespace, a project and two keys). */
export const MAX_PROJECTS = 20;

/** The namespaces of the public API's projects: `tenant-demo`, then `tenant-demo2`, `tenant-demo3`... */
export function projectNamespaces(count = 1): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_PROJECTS) throw new Error(`projects must be a whole number from 1 to ${MAX_PROJECTS}, not ${count}`);
  return Array.from({ length: count }, (_, i) => (i === 0 ? DEFAULT_TENANT : `${DEFAULT_TENANT}${i + 1}`));
}
