// What the platform accepts but will likely not do as meant. Warnings, not errors: the request is
// still sent, because the platform itself takes it.
import { formatPath, type ValidationIssue } from './validation-issue.js';

// The chart writes each extension into its setup script unquoted (`CREATE EXTENSION IF NOT EXISTS
// <name>`, cozystack packages/apps/postgres/templates/init-script.yaml), so only a plain lowercase
// identifier names the extension the user wrote.
const plainIdentifier = /^[a-z_][a-z0-9_$]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extensionWarning(path: string, name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name)) {
    return `${path} "${name}": the platform creates extensions with an unquoted name, which PostgreSQL folds to "${name.toLowerCase()}": write it in lowercase`;
  }
  const hint = name === 'uuid-ossp' ? ' (for UUIDs, gen_random_uuid() is built into PostgreSQL 13 and later)' : '';
  return (
    `${path} "${name}": the platform creates extensions with an unquoted name (CREATE EXTENSION IF NOT ` +
    `EXISTS ${name}), which PostgreSQL refuses as a syntax error, and the databases' setup stops there: ` +
    `remove it and create the extension yourself with CREATE EXTENSION "${name}"${hint}`
  );
}

/** Warnings about a Postgres spec (or a patch's spec): each with the path of the field. */
export function postgresSpecWarnings(spec: unknown): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const databases = isRecord(spec) && isRecord(spec['databases']) ? spec['databases'] : {};
  for (const [database, config] of Object.entries(databases)) {
    const extensions = isRecord(config) && Array.isArray(config['extensions']) ? config['extensions'] : [];
    extensions.forEach((name: unknown, index) => {
      if (typeof name !== 'string' || plainIdentifier.test(name)) return;
      const path = formatPath(['spec', 'databases', database, 'extensions', index]);
      warnings.push({ path, rule: 'unquotedExtensionName', message: extensionWarning(path, name) });
    });
  }
  return warnings;
}
