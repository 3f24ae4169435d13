// Framework-independent diagnostics: the resource adapter turns them into the plugin framework's
// diagnostics with attribute paths.

export type PathStep = { attribute: string } | { key: string } | { index: number };
export type AttributePath = readonly PathStep[];

export interface PlanIssue {
  severity: 'error' | 'warning';
  /** Where the problem is; null for the resource as a whole. */
  path: AttributePath | null;
  summary: string;
  detail: string;
  /** Top-level attributes the rule read; the issue is dropped when one of them is still unknown. */
  involves: readonly string[];
}

export function attr(name: string, ...rest: PathStep[]): AttributePath {
  return [{ attribute: name }, ...rest];
}

/** `users["alice"].password`: how Terraform prints a path. */
export function formatPath(path: AttributePath | null): string {
  if (path === null) return '(resource)';
  return path
    .map((step, position) => {
      if ('attribute' in step) return position === 0 ? step.attribute : `.${step.attribute}`;
      if ('key' in step) return `[${JSON.stringify(step.key)}]`;
      return `[${step.index}]`;
    })
    .join('');
}

export function error(path: AttributePath | null, summary: string, detail: string, involves: readonly string[]): PlanIssue {
  return { severity: 'error', path, summary, detail, involves };
}

export function warning(path: AttributePath | null, summary: string, detail: string, involves: readonly string[]): PlanIssue {
  return { severity: 'warning', path, summary, detail, involves };
}

/** Drop issues that depend on values Terraform does not know yet (they are checked again at apply). */
export function withoutUnknownInputs(issues: readonly PlanIssue[], unknownAttributes: ReadonlySet<string>): PlanIssue[] {
  return issues.filter((issue) => !issue.involves.some((name) => unknownAttributes.has(name)));
}
