// At start-up: the tenant's project, an `admin` and a `read` key, and `DIR/hikube.env` to use them.
// Secrets are not stored, so a restart keeps the keys of the existing env file while they still
// work, and makes new ones only when they do not (file removed, key revoked or expired).
import { readHikubeEnv, writeHikubeEnv } from './hikube-env.js';
import type { Project, ProjectKeys } from './project-keys.js';
import type { Scope } from './api-key.js';

export interface StartedProject {
  project: Project;
  adminKey: string;
  readKey: string;
  envPath: string;
}

export function startProject(keys: ProjectKeys, options: { dataDir: string; namespace: string; apiUrl: string; caCertPath: string }): StartedProject {
  const project = keys.ensureProject(options.namespace);
  const previous = readHikubeEnv(options.dataDir);
  const reuse = (text: string | undefined, scope: Scope): string => {
    // Exactly the scope asked for: a stronger key must not be kept as the `read` one.
    if (text !== undefined) {
      const checked = keys.authorize(text, project.id, scope);
      if (checked.ok && checked.key.scope === scope) return text;
    }
    return keys.createKey(project.id, scope).text;
  };
  const sameProject = previous?.HIKUBE_PROJECT_ID === project.id;
  const adminKey = reuse(sameProject ? previous.HIKUBE_API_KEY : undefined, 'admin');
  const readKey = reuse(sameProject ? previous.HIKUBE_API_READ_KEY : undefined, 'read');
  const envPath = writeHikubeEnv(options.dataDir, {
    HIKUBE_API: options.apiUrl,
    HIKUBE_API_KEY: adminKey,
    HIKUBE_PROJECT_ID: project.id,
    HIKUBE_CA_CERT: options.caCertPath,
    HIKUBE_API_READ_KEY: readKey,
  });
  return { project, adminKey, readKey, envPath };
}
