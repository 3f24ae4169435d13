import { randomUUID } from 'node:crypto';
import { AlreadyExistsError } from '../errors.js';
import type { ResourceRef } from '../errors.js';
import { attemptsOf, type CallOptions, type HttpTransport } from '../transport/http-transport.js';

/** Marks each create with a fresh id, so a retry that meets AlreadyExists can tell its own lost attempt apart. */
export const createIdAnnotation = 'sdk.hikube.cloud/create-id';

interface WithMeta {
  metadata: { annotations?: Record<string, string> };
}

/**
 * POSTs an object, retrying on throttling, server errors and dropped connections. When a retry meets
 * AlreadyExists and the stored object carries this call's id, the earlier attempt succeeded: return it.
 */
export async function createOnce<T extends WithMeta>(
  transport: HttpTransport,
  path: string,
  object: T,
  resource: ResourceRef,
  readBack: () => Promise<T>,
  options: CallOptions,
): Promise<T> {
  const id = randomUUID();
  const body = { ...object, metadata: { ...object.metadata, annotations: { ...object.metadata.annotations, [createIdAnnotation]: id } } };
  try {
    return await transport.request<T>({ method: 'POST', path, body, retry: 'create', resource, signal: options.signal, timeout: options.timeout });
  } catch (error) {
    if (error instanceof AlreadyExistsError && attemptsOf(error) > 1) {
      const existing = await readBack();
      if (existing.metadata.annotations?.[createIdAnnotation] === id) return existing;
    }
    throw error;
  }
}
