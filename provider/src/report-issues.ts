// PlanIssues (framework-free) into the framework's diagnostics.
import type { AttributePath as FrameworkPath, Diagnostics } from '@hikube/tfplugin';
import type { AttributePath, PlanIssue } from './resources/postgres-cluster/plan-issue.js';

export function toFrameworkPath(path: AttributePath): FrameworkPath {
  return path.map((step) => ('attribute' in step ? step.attribute : 'key' in step ? { key: step.key } : step.index));
}

/**
 * The path Terraform can show a source line for. Terraform 1.11 resolves a top-level attribute
 * and a map key, but not an attribute inside a nested object (it then shows only the resource),
 * so diagnostics stop there; the message names the inner field.
 */
function diagnosticPath(path: AttributePath): FrameworkPath {
  const [first, second] = path;
  if (first === undefined) return [];
  return toFrameworkPath(second !== undefined && !('attribute' in second) ? [first, second] : [first]);
}

export function reportIssues(diagnostics: Diagnostics, issues: readonly PlanIssue[]): void {
  for (const issue of issues) {
    const path = issue.path === null ? undefined : diagnosticPath(issue.path);
    if (issue.severity === 'error') diagnostics.error(issue.summary, issue.detail, path);
    else diagnostics.warning(issue.summary, issue.detail, path);
  }
}
