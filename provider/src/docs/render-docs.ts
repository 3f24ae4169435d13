// Registry-style Markdown from the provider's schema document (the one `terraform providers
// schema -json` prints) and the example files: one page per provider, resource and data source.

interface AttributeJson {
  type?: unknown;
  description?: string;
  optional?: boolean;
  required?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  write_only?: boolean;
  deprecated?: boolean;
  nested_type?: { nesting_mode: string; attributes: Record<string, AttributeJson> };
}

interface BlockJson {
  attributes?: Record<string, AttributeJson>;
  block_types?: Record<string, { nesting_mode: string; block: BlockJson; max_items?: number }>;
  description?: string;
}

export interface SchemaJson {
  block: BlockJson;
}

function typeName(type: unknown): string {
  if (typeof type === 'string') return type[0]?.toUpperCase() + type.slice(1);
  if (Array.isArray(type)) {
    const [kind, element] = type as [string, unknown];
    if (kind === 'object') return 'Object';
    return `${kind[0]?.toUpperCase()}${kind.slice(1)} of ${typeName(element)}`;
  }
  return 'Dynamic';
}

function attributeType(attribute: AttributeJson): string {
  if (attribute.nested_type === undefined) return typeName(attribute.type);
  const mode = attribute.nested_type.nesting_mode;
  return mode === 'single' ? 'Attributes' : `Attributes ${mode[0]?.toUpperCase()}${mode.slice(1)}`;
}

function anchor(path: string): string {
  return `nestedatt--${path.replace(/\./g, '--')}`;
}

interface Section {
  title: string;
  lines: string[];
}

function describe(path: string, name: string, attribute: AttributeJson, nested: { path: string; attributes: Record<string, AttributeJson> }[]): string {
  const flags = [
    attributeType(attribute),
    attribute.sensitive ? 'Sensitive' : '',
    attribute.write_only ? 'Write-only' : '',
    attribute.deprecated ? 'Deprecated' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const description = (attribute.description ?? '').replace(/\n+/g, ' ').trim();
  let line = `- \`${name}\` (${flags})${description ? ` ${description}` : ''}`;
  if (attribute.nested_type !== undefined) {
    const childPath = path === '' ? name : `${path}.${name}`;
    nested.push({ path: childPath, attributes: attribute.nested_type.attributes });
    line += ` (see [below for nested schema](#${anchor(childPath)}))`;
  }
  return line;
}

function attributeSections(
  path: string,
  attributes: Record<string, AttributeJson>,
  nested: { path: string; attributes: Record<string, AttributeJson> }[],
): Section[] {
  const required: string[] = [];
  const optional: string[] = [];
  const readOnly: string[] = [];
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name] as AttributeJson;
    const line = describe(path, name, attribute, nested);
    if (attribute.required) required.push(line);
    else if (attribute.optional) optional.push(line);
    else readOnly.push(line);
  }
  return [
    { title: 'Required', lines: required },
    { title: 'Optional', lines: optional },
    { title: 'Read-Only', lines: readOnly },
  ].filter((section) => section.lines.length > 0);
}

/** The "## Schema" part: top-level sections, blocks, then one section per nested object. */
function renderSchema(schema: SchemaJson): string {
  const nested: { path: string; attributes: Record<string, AttributeJson> }[] = [];
  const sections = attributeSections('', schema.block.attributes ?? {}, nested);
  const blocks = Object.entries(schema.block.block_types ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [name, block] of blocks) {
    const optional = sections.find((section) => section.title === 'Optional');
    const line =
      `- \`${name}\` (Block${block.nesting_mode === 'single' ? '' : ` ${block.nesting_mode}`}) ${block.block.description ?? ''}`.trimEnd() +
      ` (see [below for nested schema](#${anchor(name).replace('nestedatt', 'nestedblock')}))`;
    if (optional) optional.lines.push(line);
    else sections.push({ title: 'Optional', lines: [line] });
  }
  const out: string[] = ['## Schema', ''];
  for (const section of sections) out.push(`### ${section.title}`, '', ...section.lines, '');
  for (const [name, block] of blocks) {
    out.push(`<a id="${anchor(name).replace('nestedatt', 'nestedblock')}"></a>`, `### Nested Schema for \`${name}\``, '');
    for (const section of attributeSections(name, block.block.attributes ?? {}, nested)) out.push(`${section.title}:`, '', ...section.lines, '');
  }
  for (let index = 0; index < nested.length; index++) {
    const entry = nested[index] as { path: string; attributes: Record<string, AttributeJson> };
    out.push(`<a id="${anchor(entry.path)}"></a>`, `### Nested Schema for \`${entry.path}\``, '');
    for (const section of attributeSections(entry.path, entry.attributes, nested)) out.push(`${section.title}:`, '', ...section.lines, '');
  }
  return out.join('\n');
}

export interface PageInput {
  kind: 'provider' | 'resource' | 'data-source' | 'ephemeral-resource';
  /** Full type name, e.g. hikube_postgres_cluster; the provider name for the index. */
  name: string;
  schema: SchemaJson;
  examples: { title: string; language: string; body: string }[];
  /** Extra Markdown after the schema (e.g. import). */
  footer?: string;
}

const kindTitles = { resource: 'Resource', 'data-source': 'Data Source', 'ephemeral-resource': 'Ephemeral Resource' } as const;

export function renderPage(page: PageInput): string {
  const subcategory = page.kind === 'provider' ? '' : 'subcategory: "PostgreSQL"\n';
  const title = page.kind === 'provider' ? `${page.name} Provider` : `${page.name} (${kindTitles[page.kind]})`;
  const description = (page.schema.block.description ?? '').trim();
  const out = [
    '---',
    `page_title: "${title}"`,
    subcategory + `description: |-\n  ${description.split('\n')[0] ?? ''}`,
    '---',
    '',
    '<!-- Generated by `npm run docs -w terraform-provider-hikube` from the provider schema and examples/. Do not edit. -->',
    '',
    `# ${title}`,
    '',
    description,
    '',
    '## Example Usage',
    '',
  ];
  for (const example of page.examples) {
    if (example.title) out.push(`### ${example.title}`, '');
    out.push(`\`\`\`${example.language}`, example.body.trimEnd(), '```', '');
  }
  out.push(renderSchema(page.schema).trimEnd(), '');
  if (page.footer) out.push(page.footer.trimEnd(), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
