import { PostgresResource } from './resources/postgres.js';
import { SchedulingClassesResource } from './resources/scheduling-classes.js';
import type { RetryPolicy } from './transport/backoff.js';
import { resolveConnection, type ConnectionOptions } from './transport/connection.js';
import { HttpTransport, type CallOptions } from './transport/http-transport.js';
import type { Logger } from './transport/log-event.js';
import type { Postgres } from './generated/types.js';
import { waitForPostgresDeleted, waitForPostgresReady, type WaitForReadyOptions } from './waiters/postgres-ready.js';

export interface ClientOptions extends ConnectionOptions {
  /** Default timeout of every call in ms, retries included (30 000). */
  timeout?: number;
  /** Retry policy of idempotent calls, or `false` for none. */
  retry?: Partial<RetryPolicy> | false;
  /** Receives request, response, retry and error events; secrets are redacted. */
  logger?: Logger;
  /** Keep-alive connections to the API server (16). */
  connections?: number;
  userAgent?: string;
}

export interface DeleteOptions extends CallOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  /** Wait until the object is gone (finalizers done). */
  wait?: boolean;
  /** Milliseconds to wait when `wait` is set (10 minutes). */
  waitTimeout?: number;
}

/** `client.postgres`: CRUD, list, watch, credentials, endpoints, instances, and the waiters. */
export class PostgresClient extends PostgresResource {
  /** Resolves when the cluster reaches the readiness level (default `allInstances`). */
  waitForReady(name: string, options: WaitForReadyOptions = {}): Promise<Postgres> {
    return waitForPostgresReady(this, name, options);
  }

  /** Deletes; with `wait: true` resolves only once the object is gone. */
  override async delete(name: string, options: DeleteOptions = {}): Promise<boolean> {
    const { wait, waitTimeout, ...rest } = options;
    const deleted = await super.delete(name, rest);
    if (wait)
      await waitForPostgresDeleted(this, name, {
        ...(waitTimeout !== undefined ? { timeout: waitTimeout } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    return deleted;
  }
}

export interface HikubeClient {
  /** The namespace namespaced calls go to. */
  readonly namespace: string;
  /** The API server origin. */
  readonly server: string;
  readonly postgres: PostgresClient;
  readonly schedulingClasses: SchedulingClassesResource;
  /** Closes the keep-alive connections. */
  close(): Promise<void>;
}

/**
 * A client for the tenant's API. Without options it reads the kubeconfig like kubectl
 * ($KUBECONFIG or ~/.kube/config, current context); explicit options win.
 */
export function createClient(options: ClientOptions = {}): HikubeClient {
  const connection = resolveConnection(options);
  const transport = new HttpTransport({
    connection,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.connections !== undefined ? { connections: options.connections } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  });
  return {
    namespace: connection.namespace,
    server: connection.origin + connection.basePath,
    postgres: new PostgresClient(transport, connection.namespace),
    schedulingClasses: new SchedulingClassesResource(transport),
    close: () => transport.close(),
  };
}
