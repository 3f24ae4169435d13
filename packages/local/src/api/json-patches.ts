// JSON patch (RFC 6902) over plain JSON values (merge patch, RFC 7386, is the SDK's applyMergePatch).

import { badRequest, ApiStatusError } from './status-error.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid JSON pointer "${pointer}": it must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function unprocessable(message: string): ApiStatusError {
  return new ApiStatusError(422, 'Invalid', message);
}

function container(doc: Json, tokens: string[], path: string): { parent: Json; key: string } {
  let node = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(t)] as Json;
    else if (node !== null && typeof node === 'object') node = node[t] as Json;
    else node = undefined as unknown as Json;
    if (node === undefined) throw unprocessable(`the server rejected our request due to an error in our request: doc is missing path: "${path}"`);
  }
  return { parent: node, key: tokens[tokens.length - 1] as string };
}

function getAt(doc: Json, path: string): Json {
  let node: Json | undefined = doc;
  for (const t of parsePointer(path)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (node !== null && typeof node === 'object') node = node[t];
    else node = undefined;
    if (node === undefined) throw unprocessable(`the server rejected our request due to an error in our request: doc is missing path: "${path}"`);
  }
  return node;
}

function removeAt(doc: Json, path: string): Json {
  const tokens = parsePointer(path);
  const { parent, key } = container(doc, tokens, path);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) throw unprocessable(`doc is missing path: "${path}"`);
    return parent.splice(i, 1)[0] as Json;
  }
  if (parent === null || typeof parent !== 'object' || !(key in parent)) throw unprocessable(`doc is missing path: "${path}"`);
  const old = parent[key] as Json;
  delete parent[key];
  return old;
}

function addAt(doc: Json, path: string, value: Json, replace: boolean): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, key } = container(doc, tokens, path);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (replace && i >= parent.length)) throw unprocessable(`invalid index in path: "${path}"`);
    if (replace) parent[i] = value;
    else parent.splice(i, 0, value);
  } else if (parent !== null && typeof parent === 'object') {
    if (replace && !(key in parent)) throw unprocessable(`doc is missing path: "${path}"`);
    parent[key] = value;
  } else {
    throw unprocessable(`doc is missing path: "${path}"`);
  }
  return doc;
}

export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw badRequest('a JSON patch must be an array of operations');
  let doc = structuredClone(target) as Json;
  for (const raw of operations as Operation[]) {
    if (typeof raw !== 'object' || raw === null || typeof raw.path !== 'string') throw badRequest('each JSON patch operation needs "op" and "path"');
    const value = structuredClone(raw.value) as Json;
    switch (raw.op) {
      case 'add':
        doc = addAt(doc, raw.path, value, false);
        break;
      case 'replace':
        doc = addAt(doc, raw.path, value, true);
        break;
      case 'remove':
        removeAt(doc, raw.path);
        break;
      case 'move': {
        const v = removeAt(doc, raw.from ?? '');
        doc = addAt(doc, raw.path, v, false);
        break;
      }
      case 'copy':
        doc = addAt(doc, raw.path, structuredClone(getAt(doc, raw.from ?? '')), false);
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, raw.path)) !== JSON.stringify(value)) throw unprocessable(`testing value ${raw.path} failed`);
        break;
      default:
        throw badRequest(`unknown JSON patch operation "${String(raw.op)}"`);
    }
  }
  return doc;
}
