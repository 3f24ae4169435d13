// The SDK's issues with a request body (paths such as `config.maxConnections`) as plan issues at
// the attribute that holds the value, in the attribute's words.
import type { ValidationIssue } from '@hikube/sdk/public';
import { attr, error, type PlanIssue } from '../postgres-cluster/plan-issue.js';

/** Body path -> attribute. A path under a mapped one (`config.databases["x"]`) maps to it too. */
export type BodyPaths = Readonly<Record<string, string>>;

function attributeOf(path: string, paths: BodyPaths): { attribute: string; bodyPath: string } | null {
  for (const [bodyPath, attribute] of Object.entries(paths)) {
    if (path === bodyPath || path.startsWith(`${bodyPath}.`) || path.startsWith(`${bodyPath}[`)) return { attribute, bodyPath };
  }
  return null;
}

/** `words` names an attribute in messages when the bare name would mislead (a unit, say). */
export function issueAtAttribute(issue: ValidationIssue, paths: BodyPaths, summary: string, words: Readonly<Record<string, string>> = {}): PlanIssue {
  const found = attributeOf(issue.path, paths);
  if (found === null) return error(null, summary, `${issue.message} (Hikube's public API).`, []);
  // The message starts with the body path: say the attribute instead.
  const message = issue.message.startsWith(found.bodyPath)
    ? `${words[found.attribute] ?? found.attribute}${issue.message.slice(found.bodyPath.length)}`
    : issue.message;
  return error(attr(found.attribute), summary, `${message} (Hikube's public API).`, [found.attribute]);
}
