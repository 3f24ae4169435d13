import type { CtyValue } from '../protocol/cty-value.js';
import { pathToString, type AttributePath, type Diagnostics } from './diagnostics.js';
import { SchemaDefinitionError, type SchemaBody } from './schema.js';
import { forEachElement, isObj, nullWriteOnly, someAttribute } from './value-tools.js';

// Write-only attributes (Terraform 1.11): Terraform passes them in the configuration of plan and
// apply and refuses any plan or state that holds one. The framework nulls what Terraform
// proposes, and treats a value a provider puts back as a bug it reports instead of sending.

function step(path: AttributePath, s: string | number | { key: string } | undefined): AttributePath {
  // Set elements have no address: a problem inside one is reported on the set.
  return s === undefined ? path : [...path, s];
}

/** Paths of write-only attributes holding a value (unknown counts: it would become one). */
export function writeOnlyValuePaths(body: SchemaBody, value: CtyValue, path: AttributePath = []): AttributePath[] {
  if (!isObj(value)) return [];
  const found: AttributePath[] = [];
  for (const [name, a] of Object.entries(body.attributes)) {
    const v = value[name] ?? null;
    if (a.writeOnly && v !== null) found.push([...path, name]);
    if (a.nested) {
      const inner: SchemaBody = { attributes: a.nested.attributes };
      forEachElement(a.nested.nesting, v, (el, s) => found.push(...writeOnlyValuePaths(inner, el, step([...path, name], s))));
    }
  }
  for (const [name, b] of Object.entries(body.blocks ?? {})) {
    forEachElement(b.nesting, value[name] ?? null, (el, s) => found.push(...writeOnlyValuePaths(b.body, el, step([...path, name], s))));
  }
  return found;
}

/**
 * A provider handler returned a value for a write-only attribute: one error per attribute (the
 * value is never shown), and the value is removed so it cannot reach Terraform.
 */
export function refuseWriteOnlyValues(body: SchemaBody, value: CtyValue, diagnostics: Diagnostics, operation: string): void {
  for (const path of writeOnlyValuePaths(body, value)) {
    diagnostics.error(
      'Provider returned a write-only value',
      `${operation} set the write-only attribute ${pathToString(path)}; write-only values may appear ` +
        `only in configuration, never in a plan or state, so it was dropped. This is a ` +
        `bug in the provider.`,
      path,
    );
  }
  nullWriteOnly(body, value);
}

/** Terraform older than 1.11 does not know write-only attributes and would store their values. */
export function refuseWriteOnlyWithoutSupport(body: SchemaBody, config: CtyValue, diagnostics: Diagnostics): void {
  for (const path of writeOnlyValuePaths(body, config)) {
    diagnostics.error(
      'Write-only attribute needs Terraform 1.11 or later',
      `${pathToString(path)} is write-only, and this Terraform does not support write-only ` +
        `attributes: it would save the value in plan and state. Upgrade Terraform to 1.11 or later, or ` +
        `leave ${pathToString(path)} unset.`,
      path,
    );
  }
}

const hasWriteOnly = (body: SchemaBody): boolean => someAttribute(body, (a) => a.writeOnly === true);

/** Terraform accepts write-only attributes only in managed resources, and never inside a set. */
export function assertWriteOnlyPlacement(body: SchemaBody, what: string, allowed: boolean): void {
  if (!allowed && hasWriteOnly(body)) throw new SchemaDefinitionError(`${what}: write-only attributes are only allowed in managed resources`);
  for (const [name, a] of Object.entries(body.attributes)) {
    if (!a.nested) continue;
    const inner: SchemaBody = { attributes: a.nested.attributes };
    if (a.nested.nesting === 'set' && hasWriteOnly(inner))
      throw new SchemaDefinitionError(`${what}: ${name} is a set and cannot hold write-only attributes (set elements are compared by value)`);
    assertWriteOnlyPlacement(inner, `${what}: ${name}`, allowed);
  }
  for (const [name, b] of Object.entries(body.blocks ?? {})) {
    if (b.nesting === 'set' && hasWriteOnly(b.body))
      throw new SchemaDefinitionError(`${what}: block ${name} is a set and cannot hold write-only attributes (set elements are compared by value)`);
    assertWriteOnlyPlacement(b.body, `${what}: block ${name}`, allowed);
  }
}
