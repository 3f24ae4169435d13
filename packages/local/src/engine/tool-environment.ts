// libpq and node-postgres read PG* variables (PGSSLMODE, PGHOST, PGOPTIONS, PGPASSWORD, ...) from
// the environment. Ours are the user's shell settings for *their* servers, not for the instances we
// run, so the tools we spawn never inherit them: PGSSLMODE=require once made every start fail.

/** The environment for a PostgreSQL tool: the caller's, less every PG* variable, plus `extra`. */
export function toolEnvironment(base: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!key.startsWith('PG')) env[key] = value;
  return { ...env, LC_ALL: 'C', ...extra };
}
