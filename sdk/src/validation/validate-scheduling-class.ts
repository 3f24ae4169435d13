import { schedulingClassSchema } from '../generated/zod.js';
import { fromZodIssues, type ValidationIssue } from './validation-issue.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a SchedulingClass name: a lowercase DNS-1123 subdomain of at most 253 characters. */
export function validateSchedulingClassName(name: unknown, path = 'metadata.name'): ValidationIssue[] {
  if (typeof name === 'string' && name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)) return [];
  return [{ path, rule: 'dns1123Subdomain', message: `${path} must be a lowercase DNS-1123 subdomain (letters, digits, "-" and ".", at most 253 characters), e.g. "three-zones"` }];
}

/** Every problem in a SchedulingClass object; an empty array means valid. */
export function validateSchedulingClass(object: unknown): ValidationIssue[] {
  const value = object === undefined ? undefined : (JSON.parse(JSON.stringify(object)) as unknown);
  if (!isRecord(value)) return [{ path: '', rule: 'type', message: 'a SchedulingClass must be an object with apiVersion, kind, metadata and spec' }];
  const parsed = schedulingClassSchema.safeParse(value, { reportInput: true });
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
  issues.push(...validateSchedulingClassName(metadata['name']));
  const spec = isRecord(value['spec']) ? value['spec'] : {};
  const zones = Array.isArray(spec['zones']) ? spec['zones'].filter((zone): zone is string => typeof zone === 'string') : [];
  if (new Set(zones).size !== zones.length) {
    issues.push({ path: 'spec.zones', rule: 'uniqueItems', message: 'spec.zones lists a zone twice: list each zone once' });
  }
  const primary = isRecord(spec['primary']) ? spec['primary'] : {};
  if (typeof primary['zone'] === 'string' && zones.length > 0 && !zones.includes(primary['zone'])) {
    issues.push({ path: 'spec.primary.zone', rule: 'zoneListed', message: `spec.primary.zone "${primary['zone']}" is not in spec.zones (${zones.join(', ')}): add it to spec.zones or pick one of them` });
  }
  return issues;
}
