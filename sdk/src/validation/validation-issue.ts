import type { core } from 'zod';

/** One problem found in an object, addressed by a dotted path such as `spec.quorum.maxSyncReplicas`. */
export interface ValidationIssue {
  /** Where: dotted path; map keys that are not plain identifiers are bracketed (`spec.users["a.b"]`). */
  path: string;
  /** Which rule failed: a JSON Schema keyword (`enum`, `pattern`, `maximum`, ...) or a platform rule name. */
  rule: string;
  /** What is wrong and how to fix it. */
  message: string;
}

type Segment = PropertyKey;

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

// Values at these keys are secrets: never echo them back in a message.
const secretKeys = new Set(['password', 's3AccessKey', 's3SecretKey', 'token', 'data', 'stringData']);

function shown(segments: readonly Segment[], input: unknown): string {
  if (segments.some((segment) => typeof segment === 'string' && secretKeys.has(segment))) return '';
  if (input === undefined) return '';
  const text = JSON.stringify(input);
  return text === undefined ? '' : `; got ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return `a ${typeof value}`;
}

// zod's own wording for a key's length ("Too big: expected string to have <=63 characters") reads poorly in a sentence.
function keyRule(inner: core.$ZodIssue): string {
  if (inner.code === 'too_big') return `at most ${String(inner.maximum)} characters`;
  if (inner.code === 'too_small') return `at least ${String(inner.minimum)} character(s)`;
  return inner.message;
}

/** Turns zod issues into our issues, with messages that say how to fix the input. */
export function fromZodIssues(issues: readonly core.$ZodIssue[], prefix: readonly Segment[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const segments = [...prefix, ...issue.path];
    const path = formatPath(segments);
    const where = path === '' ? 'the object' : path;
    const input: unknown = issue.input;
    switch (issue.code) {
      case 'invalid_type':
        if (input === undefined)
          out.push({ path, rule: 'required', message: `${where} is required: set it to ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}` });
        else
          out.push({
            path,
            rule: 'type',
            message: `${where} must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}, not ${typeName(input)}`,
          });
        break;
      case 'invalid_value':
        out.push({
          path,
          rule: 'enum',
          message: `${where} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}${shown(segments, input)}`,
        });
        break;
      case 'invalid_format':
        // Generated schemas carry the document's description as the message of a pattern check.
        out.push({
          path,
          rule: 'pattern',
          message:
            `${where} has the wrong format: ` +
            `${issue.message.startsWith('Invalid') && 'pattern' in issue ? `it must match ${String(issue.pattern)}` : issue.message}${shown(segments, input)}`,
        });
        break;
      case 'too_big':
        if (issue.origin === 'string')
          out.push({ path, rule: 'maxLength', message: `${where} is too long: at most ${String(issue.maximum)} characters allowed` });
        else if (issue.origin === 'array') out.push({ path, rule: 'maxItems', message: `${where} has too many items: at most ${String(issue.maximum)}` });
        else out.push({ path, rule: 'maximum', message: `${where} must be at most ${String(issue.maximum)}${shown(segments, input)}` });
        break;
      case 'too_small':
        if (issue.origin === 'string')
          out.push({ path, rule: 'minLength', message: `${where} is too short: at least ${String(issue.minimum)} character(s) required` });
        else if (issue.origin === 'array') out.push({ path, rule: 'minItems', message: `${where} needs at least ${String(issue.minimum)} item(s)` });
        else out.push({ path, rule: 'minimum', message: `${where} must be at least ${String(issue.minimum)}${shown(segments, input)}` });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const keyPath = formatPath([...segments, key]);
          out.push({ path: keyPath, rule: 'additionalProperties', message: `${keyPath} is not a known field: remove it or check its spelling` });
        }
        break;
      case 'invalid_key':
        out.push({
          path,
          rule: 'propertyNames',
          message: `${where}: the key ${JSON.stringify(String(segments.at(-1)))} is not allowed; keys must be: ${issue.issues.map(keyRule).join('; ')}`,
        });
        break;
      case 'invalid_union': {
        // Report the branch that went furthest rather than a wall of alternatives.
        const best = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.code !== 'invalid_type'));
        if (best) out.push(...fromZodIssues(best, segments));
        else out.push({ path, rule: 'type', message: `${where} has the wrong type: ${typeName(input)}` });
        break;
      }
      case 'invalid_element':
        out.push(...fromZodIssues(issue.issues, segments));
        break;
      default:
        out.push({ path, rule: issue.code, message: `${where}: ${issue.message}` });
    }
  }
  return out;
}
