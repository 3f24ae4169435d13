// At start-up: one project per namespace given, an `admin` and a `read` key for each, and
// `DIR/hikube.env` to use them. Secrets are not stored, so a restart keeps the keys of the existing
// env file while they still work, and makes new ones only when they do not (file removed, key
// revoked or expired).
import { projectSuffix, readHikubeEnv, writeHikubeEnv } from './hikube-env.js';
import type { Project, ProjectKeys } from './project-keys.js';
import type { Scope } from './api-key.js';

export interface StartedProject {
  project: Project;
  adminKey: string;
  readKey: string;
  envPath: string;
}

export interface StartProjectsOptions {
  dataDir: string;
  /** One project per namespace; the first is the default project of `hikube.env`. */
  namespaces: readonly string[];
  apiUrl: string;
  caCertPath: string;
}

export function startProjects(keys: ProjectKeys, options: StartProjectsOptions): StartedProject[] {
  const previous = readHikubeEnv(options.dataDir) ?? {};
  const started = options.namespaces.map((namespace, index) => {
    const project = keys.ensureProject(namespace);
    const suffix = projectSuffix(index);
    const sameProject = previous[`HIKUBE_PROJECT_ID${suffix}`] === project.id;
    const reuse = (text: string | undefined, scope: Scope): string => {
      // Exactly the scope asked for: a stronger key must not be kept as the `read` one.
      if (sameProject && text !== undefined) {
        const checked = keys.authorize(text, project.id, scope);
        if (checked.ok && checked.key.scope === scope) return text;
      }
      return keys.createKey(project.id, scope).text;
    };
    return { project, adminKey: reuse(previous[`HIKUBE_API_KEY${suffix}`], 'admin'), readKey: reuse(previous[`HIKUBE_API_READ_KEY${suffix}`], 'read') };
  });
  const envPath = writeHikubeEnv(options.dataDir, {
    apiUrl: options.apiUrl,
    caCertPath: options.caCertPath,
    projects: started.map(({ project, adminKey, readKey }) => ({ projectId: project.id, adminKey, readKey })),
  });
  return started.map((project) => ({ ...project, envPath }));
}
