import { TestkitInputError } from '../errors.js';

/** What a CLI configuration wires: provider source -> directory holding its executable. */
export interface CliConfigInput {
  /** Fully qualified source address -> directory containing `terraform-provider-<type>`. */
  devOverrides: ReadonlyMap<string, string>;
  /** Root of a filesystem mirror in the registry layout, and the sources it serves. */
  filesystemMirror?: { path: string; include: readonly string[] };
  /**
   * Keep the `direct` method (registry downloads) for every other provider. Our own providers
   * are always excluded from it, so `terraform init` never goes to the network for them.
   */
  direct: boolean;
}

function hclString(field: string, value: string): string {
  // Terraform expands $VAR in dev_overrides paths, and ${ / %{ start templates: keep paths plain.
  if (/[$%"\\\n]/.test(value)) {
    throw new TestkitInputError(field, `"${value}" contains $, %, a quote, a backslash or a newline; use a plain path`);
  }
  return `"${value}"`;
}

function list(field: string, values: readonly string[]): string {
  return `[${values.map((value) => hclString(field, value)).join(', ')}]`;
}

/**
 * Renders a CLI configuration file (the file TF_CLI_CONFIG_FILE names). `dev_overrides` comes
 * first because Terraform requires it to; then the mirror; then `direct`, minus our providers.
 */
export function renderCliConfig(input: CliConfigInput): string {
  const lines = ['# Written by @hikube/testkit for one test run.', 'disable_checkpoint = true', '', 'provider_installation {'];
  if (input.devOverrides.size > 0) {
    lines.push('  dev_overrides {');
    for (const [source, dir] of [...input.devOverrides].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`    ${hclString('providers[].source', source)} = ${hclString('dev override directory', dir)}`);
    }
    lines.push('  }');
  }
  const ours = [...input.devOverrides.keys(), ...(input.filesystemMirror?.include ?? [])].sort();
  if (input.filesystemMirror !== undefined && input.filesystemMirror.include.length > 0) {
    lines.push('  filesystem_mirror {');
    lines.push(`    path    = ${hclString('mirror directory', input.filesystemMirror.path)}`);
    lines.push(`    include = ${list('providers[].source', [...input.filesystemMirror.include].sort())}`);
    lines.push('  }');
  }
  if (input.direct) {
    lines.push(ours.length > 0 ? `  direct {\n    exclude = ${list('providers[].source', ours)}\n  }` : '  direct {}');
  }
  lines.push('}', '');
  return lines.join('\n');
}
