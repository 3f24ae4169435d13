// Reads a request body with a size bound and parses JSON or YAML; bad input is a 400 naming the
// problem, never a crash.

import type { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { badRequest, tooLarge } from './status-error.js';

export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: Readable, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the request body is not valid JSON: ${(err as Error).message}`);
  }
}

/** `application/apply-patch+yaml` bodies: kubectl sends JSON, other clients real YAML. */
export function parseYamlOrJson(text: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return parseJson(text);
  try {
    return parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw badRequest(`the request body is not valid YAML: ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
}

export function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}
