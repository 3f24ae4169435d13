// Label and field selectors as Kubernetes spells them in `labelSelector` / `fieldSelector`.

import type { KubeObject } from '../store/kube-object.js';
import { badRequest } from './status-error.js';

type Matcher = (obj: KubeObject) => boolean;

/** Splits on commas that are not inside `in (a,b)` parentheses. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t.length > 0);
}

export function parseLabelSelector(text: string | null): Matcher | undefined {
  if (!text) return undefined;
  const tests = splitTerms(text).map((term): Matcher => {
    const labels = (o: KubeObject): Record<string, string> => o.metadata.labels ?? {};
    let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (m) {
      const [, k, op, list] = m as unknown as [string, string, string, string];
      const values = new Set(list.split(',').map((v) => v.trim()));
      return op === 'in' ? (o) => values.has(labels(o)[k] as string) : (o) => !values.has(labels(o)[k] as string);
    }
    m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(term);
    if (m) {
      const [, k, op, v] = m as unknown as [string, string, string, string];
      return op === '!=' ? (o) => labels(o)[k] !== v : (o) => labels(o)[k] === v;
    }
    m = /^(!?)([\w./-]+)$/.exec(term);
    if (m) {
      const [, not, k] = m as unknown as [string, string, string];
      return not ? (o) => !(k in labels(o)) : (o) => k in labels(o);
    }
    throw badRequest(`unable to parse requirement: invalid label selector term "${term}"`);
  });
  return (o) => tests.every((t) => t(o));
}

function fieldValue(obj: KubeObject, path: string): string | undefined {
  let node: unknown = obj;
  for (const s of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  if (node === undefined || node === null) return undefined;
  return String(node);
}

const FIELD_PATHS = new Set([
  'metadata.name',
  'metadata.namespace',
  'involvedObject.name',
  'involvedObject.namespace',
  'involvedObject.kind',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.fieldPath',
  'involvedObject.resourceVersion',
  'reason',
  'type',
  'spec.nodeName',
  'status.phase',
  'spec.type',
]);

export function parseFieldSelector(text: string | null): Matcher | undefined {
  if (!text) return undefined;
  const tests = splitTerms(text).map((term): Matcher => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid field selector "${term}": use field=value or field!=value`);
    const [, field, op, value] = m as unknown as [string, string, string, string];
    if (!FIELD_PATHS.has(field)) throw badRequest(`field label not supported: ${field}`);
    // An empty namespace on a cluster-scoped object reads as "".
    return op === '!=' ? (o) => (fieldValue(o, field) ?? '') !== value : (o) => (fieldValue(o, field) ?? '') === value;
  });
  return (o) => tests.every((t) => t(o));
}
