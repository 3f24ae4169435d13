// Which documented operation a request is, read from the document's operation table (so a path or
// scope is never written twice).
import { publicOperations, type PublicOperationId } from '@hikube/sdk/public';

export interface MatchedOperation {
  id: PublicOperationId;
  scope: 'read' | 'write' | 'admin' | 'superadmin';
  params: Record<string, string>;
}

interface CompiledRoute {
  id: PublicOperationId;
  method: string;
  pattern: RegExp;
  names: string[];
  scope: MatchedOperation['scope'];
}

const routes: CompiledRoute[] = Object.entries(publicOperations).map(([id, op]) => {
  const names: string[] = [];
  const source = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return {
    id: id as PublicOperationId,
    method: op.method.toUpperCase(),
    pattern: new RegExp(`^${source}$`),
    names,
    scope: op.scope as MatchedOperation['scope'],
  };
});

/** A path segment decoded; a malformed escape stays as sent (it then names nothing: 404, not 500). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The operation for `method` and `path`; `methodMismatch` when the path exists under another method. */
export function matchOperation(method: string, path: string): MatchedOperation | 'methodMismatch' | undefined {
  let pathKnown = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decoded(match[i + 1] as string);
    });
    return { id: route.id, scope: route.scope, params };
  }
  return pathKnown ? 'methodMismatch' : undefined;
}
