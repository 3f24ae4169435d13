import type { HttpTransport, CallOptions } from '../transport/http-transport.js';
import type { ResourceRef } from '../errors.js';

/** Options of a list call. */
export interface ListOptions extends CallOptions {
  /** Page size; each page is one request. */
  limit?: number | undefined;
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
}

interface ListShape<T> {
  metadata?: { continue?: string; resourceVersion?: string };
  items: T[];
}

/** Yields the pages of a list, following `metadata.continue`. */
export async function* listPages<L extends ListShape<unknown>>(
  transport: HttpTransport,
  path: string,
  resource: ResourceRef,
  options: ListOptions = {},
): AsyncGenerator<L> {
  let token: string | undefined;
  do {
    const page: L = await transport.request<L>({
      method: 'GET',
      path,
      query: { limit: options.limit, continue: token, labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
      retry: 'idempotent',
      resource,
      signal: options.signal,
      timeout: options.timeout,
    });
    yield page;
    token = page.metadata?.continue || undefined;
  } while (token !== undefined);
}

/** Every item of every page, and the resourceVersion of the last page (to start a watch from). */
export async function listAll<T>(
  transport: HttpTransport,
  path: string,
  resource: ResourceRef,
  options: ListOptions = {},
): Promise<{ items: T[]; resourceVersion: string | undefined }> {
  const items: T[] = [];
  let resourceVersion: string | undefined;
  for await (const page of listPages<ListShape<T>>(transport, path, resource, options)) {
    items.push(...page.items);
    resourceVersion = page.metadata?.resourceVersion;
  }
  return { items, resourceVersion };
}
