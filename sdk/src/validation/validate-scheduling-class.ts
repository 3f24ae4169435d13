import { schedulingClassSchema } from '../generated/zod.js';
import { fromZodIssues, type ValidationIssue } from './validation-issue.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Checks a SchedulingClass name: a lowercase DNS-1123 subdomain of at most 253 characters. */
export function validateSchedulingClassName(name: unknown, path = 'metadata.name'): ValidationIssue[] {
  if (typeof name === 'string' && name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)) return [];
  return [
    {
      path,
      rule: 'dns1123Subdomain',
      message: `${path} must be a lowercase DNS-1123 subdomain (letters, digits, "-" and ".", at most 253 characters), e.g. "three-zones"`,
    },
  ];
}

// The CRD's schema leaves the operator/values pairing to the scheduler, which then refuses the
// pod; checking it here turns a pod stuck Pending into an error at write time.
function requirementIssues(requirement: unknown, path: string, numeric: boolean): ValidationIssue[] {
  if (!isRecord(requirement)) return [];
  const operator = requirement['operator'];
  const values = asArray(requirement['values']);
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
    return [{ path: `${path}.values`, rule: 'operatorValues', message: `${path}.values must list at least one value for operator ${operator}` }];
  }
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
    return [{ path: `${path}.values`, rule: 'operatorValues', message: `${path}.values must be empty for operator ${operator}: remove the values` }];
  }
  if (numeric && (operator === 'Gt' || operator === 'Lt') && (values.length !== 1 || !/^-?[0-9]+$/.test(String(values[0])))) {
    return [{ path: `${path}.values`, rule: 'operatorValues', message: `${path}.values must hold exactly one integer for operator ${operator}, e.g. ["4"]` }];
  }
  return [];
}

function nodeTermIssues(term: unknown, path: string): ValidationIssue[] {
  if (!isRecord(term)) return [];
  return [
    ...asArray(term['matchExpressions']).flatMap((r, i) => requirementIssues(r, `${path}.matchExpressions[${i}]`, true)),
    ...asArray(term['matchFields']).flatMap((r, i) => requirementIssues(r, `${path}.matchFields[${i}]`, true)),
  ];
}

function selectorIssues(selector: unknown, path: string): ValidationIssue[] {
  if (!isRecord(selector)) return [];
  return asArray(selector['matchExpressions']).flatMap((r, i) => requirementIssues(r, `${path}.matchExpressions[${i}]`, false));
}

function podAffinityIssues(affinity: unknown, path: string): ValidationIssue[] {
  if (!isRecord(affinity)) return [];
  const required = asArray(affinity['requiredDuringSchedulingIgnoredDuringExecution']);
  const preferred = asArray(affinity['preferredDuringSchedulingIgnoredDuringExecution']);
  return [
    ...required.flatMap((t, i) =>
      isRecord(t) ? selectorIssues(t['labelSelector'], `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}].labelSelector`) : [],
    ),
    ...preferred.flatMap((w, i) => {
      const term = isRecord(w) ? w['podAffinityTerm'] : undefined;
      return isRecord(term)
        ? selectorIssues(term['labelSelector'], `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm.labelSelector`)
        : [];
    }),
  ];
}

function specIssues(spec: Record<string, unknown>): ValidationIssue[] {
  const nodeAffinity = isRecord(spec['nodeAffinity']) ? spec['nodeAffinity'] : {};
  const required = isRecord(nodeAffinity['requiredDuringSchedulingIgnoredDuringExecution'])
    ? nodeAffinity['requiredDuringSchedulingIgnoredDuringExecution']
    : {};
  const base = 'spec.nodeAffinity';
  return [
    ...asArray(required['nodeSelectorTerms']).flatMap((t, i) =>
      nodeTermIssues(t, `${base}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[${i}]`),
    ),
    ...asArray(nodeAffinity['preferredDuringSchedulingIgnoredDuringExecution']).flatMap((p, i) =>
      isRecord(p) ? nodeTermIssues(p['preference'], `${base}.preferredDuringSchedulingIgnoredDuringExecution[${i}].preference`) : [],
    ),
    ...podAffinityIssues(spec['podAffinity'], 'spec.podAffinity'),
    ...podAffinityIssues(spec['podAntiAffinity'], 'spec.podAntiAffinity'),
    ...asArray(spec['topologySpreadConstraints']).flatMap((c, i) =>
      isRecord(c) ? selectorIssues(c['labelSelector'], `spec.topologySpreadConstraints[${i}].labelSelector`) : [],
    ),
  ];
}

/** Every problem in a SchedulingClass object; an empty array means valid. */
export function validateSchedulingClass(object: unknown): ValidationIssue[] {
  const value = object === undefined ? undefined : (JSON.parse(JSON.stringify(object)) as unknown);
  if (!isRecord(value)) return [{ path: '', rule: 'type', message: 'a SchedulingClass must be an object with apiVersion, kind, metadata and spec' }];
  const parsed = schedulingClassSchema.safeParse(value, { reportInput: true });
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
  issues.push(...validateSchedulingClassName(metadata['name']));
  issues.push(...specIssues(isRecord(value['spec']) ? value['spec'] : {}));
  return issues;
}
