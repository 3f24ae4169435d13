import type { AttributePath as ProtoPath, Diagnostic as ProtoDiagnostic } from '../protocol/generated/messages.js';

/** A step of an attribute path: attribute/block name, list index, or `{ key }` for map keys. */
export type PathStep = string | number | { readonly key: string };
export type AttributePath = readonly PathStep[];

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly path?: AttributePath;
}

/** Collected problems of one request; handlers add to it instead of throwing. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(summary: string, detail?: string, path?: AttributePath): this {
    return this.add({ severity: 'error', summary, ...(detail !== undefined ? { detail } : {}), ...(path ? { path } : {}) });
  }

  warning(summary: string, detail?: string, path?: AttributePath): this {
    return this.add({ severity: 'warning', summary, ...(detail !== undefined ? { detail } : {}), ...(path ? { path } : {}) });
  }

  add(...diagnostics: Diagnostic[]): this {
    this.items.push(...diagnostics);
    return this;
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

export function pathToProto(path: AttributePath): ProtoPath {
  return {
    steps: path.map((step) =>
      typeof step === 'string' ? { attributeName: step } : typeof step === 'number' ? { elementKeyInt: step } : { elementKeyString: step.key },
    ),
  };
}

export function pathFromProto(path: ProtoPath | undefined): AttributePath {
  return (path?.steps ?? []).map((s) =>
    s.attributeName !== undefined ? s.attributeName : s.elementKeyString !== undefined ? { key: s.elementKeyString } : (s.elementKeyInt ?? 0),
  );
}

export function pathToString(path: AttributePath): string {
  return path.map((s, i) => (typeof s === 'string' ? `${i ? '.' : ''}${s}` : typeof s === 'number' ? `[${s}]` : `[${JSON.stringify(s.key)}]`)).join('');
}

export function diagnosticsToProto(diags: Diagnostics): ProtoDiagnostic[] {
  return diags.items.map((d) => ({
    severity: d.severity === 'error' ? 1 : 2,
    summary: d.summary,
    ...(d.detail ? { detail: d.detail } : {}),
    ...(d.path && d.path.length ? { attribute: pathToProto(d.path) } : {}),
  }));
}
