// Reads a request body with a size bound and parses JSON or YAML once its cost is known to be
// bounded (body-limits.ts); bad input is a 400 naming the problem, never a crash.

import type { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { BODY_LIMITS, BodyLimitError, scanJson, scanYaml } from './body-limits.js';
import { badRequest, tooLarge, type ApiStatusError } from './status-error.js';

export const MAX_BODY_BYTES = BODY_LIMITS.maxBytes;

export async function readBody(req: Readable, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed on overflow: the server still answers 413 on this request, then ends it.
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function overLimit(err: unknown): ApiStatusError {
  if (err instanceof BodyLimitError) return err.code === 'HIKUBE_BODY_TOO_LARGE' ? tooLarge(err.limit, err.message) : badRequest(err.message);
  throw err;
}

export interface ParsedJson {
  value: unknown;
  /** Paths of keys given twice in one object; the value holds the last. */
  duplicates: string[];
}

export function parseJsonBody(text: string): ParsedJson {
  let duplicates: string[];
  try {
    ({ duplicates } = scanJson(text));
  } catch (err) {
    throw overLimit(err);
  }
  try {
    return { value: JSON.parse(text), duplicates };
  } catch (err) {
    throw badRequest(`the request body is not valid JSON: ${(err as Error).message}`);
  }
}

/** `application/yaml` and `application/apply-patch+yaml` bodies: kubectl sends JSON, other clients real YAML. */
export function parseYamlOrJsonBody(text: string): ParsedJson {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return parseJsonBody(text);
  try {
    scanYaml(text);
  } catch (err) {
    throw overLimit(err);
  }
  try {
    return { value: parseYaml(text, { maxAliasCount: 100 }), duplicates: [] };
  } catch (err) {
    throw badRequest(`the request body is not valid YAML: ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
}

export function parseYamlOrJson(text: string): unknown {
  return parseYamlOrJsonBody(text).value;
}

export function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}
