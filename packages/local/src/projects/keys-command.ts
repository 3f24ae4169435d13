// `hikube-local keys create|list|revoke`: works on the data directory's key file, which the
// server rereads on every request, so a revocation holds from the next request without a restart.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectKeys } from './project-keys.js';

export interface KeysCommandOptions {
  scope?: string | undefined;
  valid?: string | undefined;
  project?: string | undefined;
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const keysUsage = `  keys create --scope read|write|admin|superadmin [--valid 1d|7d|30d|90d|180d|365d] [--project ID] [--data-dir DIR]
  keys list [--project ID] [--data-dir DIR]
  keys revoke <keyId> [--data-dir DIR]
  keys projects [--data-dir DIR]
`;

/** Runs a `keys` subcommand; the exit code follows the CLI's (0 ok, 1 failed, 2 usage). */
export function runKeysCommand(dataDir: string, positionals: readonly string[], options: KeysCommandOptions, io: Io): number {
  if (!existsSync(join(dataDir, 'projects.json'))) {
    io.stderr(`hikube-local: ${dataDir} has no project yet; run "hikube-local start" once first\n`);
    return 1;
  }
  const keys = ProjectKeys.open(dataDir);
  const [action, keyId] = positionals;
  const projectId = options.project ?? keys.projects[0]?.id;
  try {
    switch (action) {
      case 'create': {
        if (options.scope === undefined) throw new UsageError('keys create needs --scope read|write|admin|superadmin');
        const { text, key } = keys.createKey(projectId ?? '', options.scope, options.valid ?? '90d');
        io.stderr(`key ${key.keyId} (${key.scope}) for project ${key.projectId}, expires ${key.expiresAt}; the secret is shown only now\n`);
        io.stdout(`${text}\n`);
        return 0;
      }
      case 'list':
        io.stdout('KEY ID                           SCOPE       EXPIRES AT                LAST USED AT          REVOKED\n');
        for (const k of keys.list(projectId)) {
          io.stdout(`${k.keyId} ${k.scope.padEnd(11)} ${k.expiresAt.padEnd(25)} ${(k.lastUsedAt ?? '-').padEnd(21)} ${k.revoked ? 'yes' : 'no'}\n`);
        }
        return 0;
      case 'projects':
        io.stdout('PROJECT ID                           NAMESPACE\n');
        for (const p of keys.projects) io.stdout(`${p.id} ${p.namespace}\n`);
        return 0;
      case 'revoke':
        if (keyId === undefined) throw new UsageError('keys revoke needs the key id (see "hikube-local keys list")');
        if (!keys.revoke(keyId)) {
          io.stderr(`hikube-local: no key ${keyId}; see "hikube-local keys list"\n`);
          return 1;
        }
        io.stdout(`key ${keyId} revoked\n`);
        return 0;
      default:
        throw new UsageError(`unknown keys command "${action ?? ''}"`);
    }
  } catch (err) {
    io.stderr(`hikube-local: ${(err as Error).message}\n${err instanceof UsageError ? keysUsage : ''}`);
    return 2;
  }
}

class UsageError extends Error {}
