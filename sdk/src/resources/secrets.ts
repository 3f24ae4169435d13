import { ForbiddenError, NotFoundError } from '../errors.js';
import type { Secret, TenantSecret } from '../generated/types.js';
import type { CallOptions, HttpTransport } from '../transport/http-transport.js';

/** Reads secret data: the Cozystack TenantSecret first (how tenants read secrets), then the core v1 Secret. */
export class SecretReader {
  readonly #transport: HttpTransport;
  readonly #namespace: string;
  constructor(transport: HttpTransport, namespace: string) {
    this.#transport = transport;
    this.#namespace = namespace;
  }

  /** Decoded key -> value pairs of the secret `name`. */
  async read(name: string, options: CallOptions = {}): Promise<Record<string, string>> {
    const ns = encodeURIComponent(this.#namespace);
    const call = { method: 'GET' as const, retry: 'idempotent' as const, signal: options.signal, timeout: options.timeout };
    let secret: TenantSecret | Secret;
    try {
      secret = await this.#transport.request<TenantSecret>({
        ...call,
        path: `/apis/core.cozystack.io/v1alpha1/namespaces/${ns}/tenantsecrets/${encodeURIComponent(name)}`,
        resource: { kind: 'TenantSecret', name, namespace: this.#namespace },
      });
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
      secret = await this.#transport.request<Secret>({
        ...call,
        path: `/api/v1/namespaces/${ns}/secrets/${encodeURIComponent(name)}`,
        resource: { kind: 'Secret', name, namespace: this.#namespace },
      });
    }
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(secret.data ?? {})) out[key] = Buffer.from(value, 'base64').toString('utf8');
    for (const [key, value] of Object.entries(secret.stringData ?? {})) out[key] = value;
    return out;
  }
}
