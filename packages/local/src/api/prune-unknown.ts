// Drops the fields a schema does not know, as kube-apiserver prunes a structural custom resource:
// under fieldValidation Warn or Ignore an unknown field is warned about or ignored, never stored.
// Paths come from the SDK's validation issues (`spec.users.alice.x`, `spec.users["a.b"].x`).

/** The segments of an issue path: identifiers after dots, `[n]` indexes, `["any key"]` keys. */
export function issuePathSegments(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      const close = path[i + 1] === '"' ? closingQuote(path, i + 1) + 1 : path.indexOf(']', i);
      if (close <= i || path[close] !== ']') return undefined;
      const inner = path.slice(i + 1, close);
      out.push(inner.startsWith('"') ? (JSON.parse(inner) as string) : Number(inner));
      i = close + 1;
    } else {
      if (path[i] === '.') i++;
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      if (end === i) return undefined;
      out.push(path.slice(i, end));
      i = end;
    }
  }
  return out;
}

function closingQuote(path: string, open: number): number {
  for (let i = open + 1; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === '"') return i;
  }
  return -1;
}

/** Removes the field at `path` from `object` (own properties only); false when the path does not lead there. */
export function removeField(object: Record<string, unknown>, path: string): boolean {
  const segments = issuePathSegments(path);
  if (!segments?.length) return false;
  let parent: unknown = object;
  for (const segment of segments.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, segment)) return false;
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  const last = segments[segments.length - 1] as string | number;
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent) || !Object.hasOwn(parent, last)) return false;
  delete (parent as Record<string | number, unknown>)[last];
  return true;
}
