// PlanIssues (framework-free) into the framework's diagnostics.
import type { AttributePath as FrameworkPath, Diagnostics } from '@hikube/tfplugin';
import type { AttributePath, PlanIssue } from './resources/postgres-cluster/plan-issue.js';

export function toFrameworkPath(path: AttributePath): FrameworkPath {
  return path.map((step) => ('attribute' in step ? step.attribute : 'key' in step ? { key: step.key } : step.index));
}

export function reportIssues(diagnostics: Diagnostics, issues: readonly PlanIssue[]): void {
  for (const issue of issues) {
    const path = issue.path === null ? undefined : toFrameworkPath(issue.path);
    if (issue.severity === 'error') diagnostics.error(issue.summary, issue.detail, path);
    else diagnostics.warning(issue.summary, issue.detail, path);
  }
}
