import type { z } from 'zod';
import { fromZodIssues, type ValidationIssue } from '../validation/validation-issue.js';

/**
 * What the document's schema finds wrong with a request body, without sending it: for tools that
 * check a configuration ahead of time (a Terraform plan) with the same rules the client applies.
 * Paths are the body's (`quorum.maxSyncReplicas`); messages never echo secrets.
 */
export function publicBodyIssues(schema: z.ZodType, body: unknown): ValidationIssue[] {
  const result = schema.safeParse(body);
  return result.success ? [] : fromZodIssues(result.error.issues);
}
