import { typeToJson, type CtyType } from '../protocol/cty-type.js';
import type { Schema, SchemaAttribute, SchemaBlock, SchemaNestedBlock } from '../protocol/generated/messages.js';
import type { AttributeDef, BlockDef, SchemaBody, SchemaDef } from './schema.js';

const NESTING = { single: 1, list: 2, set: 3, map: 4, group: 5 } as const;

function wrap(nesting: 'single' | 'list' | 'set' | 'map' | 'group', inner: CtyType): CtyType {
  if (nesting === 'single' || nesting === 'group') return inner;
  return { kind: nesting, element: inner };
}

function attributeType(def: AttributeDef): CtyType {
  if (def.type) return def.type;
  const n = def.nested as NonNullable<AttributeDef['nested']>;
  return wrap(n.nesting, nestedObjectType(n.attributes));
}

function nestedObjectType(attributes: Readonly<Record<string, AttributeDef>>): CtyType {
  return { kind: 'object', attributes: Object.fromEntries(Object.entries(attributes).map(([k, a]) => [k, attributeType(a)])) };
}

/** The object type Terraform derives from a block: every attribute and block, always present. */
export function impliedType(body: SchemaBody): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(body.attributes)) attributes[name] = attributeType(a);
  for (const [name, b] of Object.entries(body.blocks ?? {})) attributes[name] = wrap(b.nesting, impliedType(b.body));
  return { kind: 'object', attributes };
}

function describe(
  target: { description?: string; descriptionKind?: number; deprecated?: boolean; deprecationMessage?: string },
  def: { description?: string; markdownDescription?: string; deprecated?: string },
): void {
  if (def.markdownDescription !== undefined) {
    target.description = def.markdownDescription;
    target.descriptionKind = 1;
  } else if (def.description !== undefined) target.description = def.description;
  if (def.deprecated !== undefined) {
    target.deprecated = true;
    if (def.deprecated) target.deprecationMessage = def.deprecated;
  }
}

function attributeToProto(name: string, def: AttributeDef): SchemaAttribute {
  const out: SchemaAttribute = {
    name,
    required: !!def.required,
    optional: !!def.optional,
    computed: !!def.computed,
    sensitive: !!def.sensitive,
    writeOnly: !!def.writeOnly,
  };
  if (def.type) out.type = Buffer.from(JSON.stringify(typeToJson(def.type)));
  else if (def.nested) {
    out.nestedType = {
      nesting: NESTING[def.nested.nesting],
      attributes: Object.entries(def.nested.attributes).map(([n, a]) => attributeToProto(n, a)),
    };
  }
  describe(out, def);
  return out;
}

function nestedBlockToProto(name: string, def: BlockDef): SchemaNestedBlock {
  const out: SchemaNestedBlock = { typeName: name, block: blockToProto(def.body), nesting: NESTING[def.nesting] };
  if (def.nesting === 'single') {
    // Terraform requires min == max for SINGLE; only "required block" (1/1) or optional (0/0).
    const required = (def.minItems ?? 0) === 1;
    out.minItems = required ? 1 : 0;
    out.maxItems = required ? 1 : 0;
  } else {
    if (def.minItems) out.minItems = def.minItems;
    if (def.maxItems) out.maxItems = def.maxItems;
  }
  describe(out.block as SchemaBlock, def);
  return out;
}

function blockToProto(body: SchemaBody, version = 0): SchemaBlock {
  const out: SchemaBlock = {
    version,
    attributes: Object.entries(body.attributes).map(([n, a]) => attributeToProto(n, a)),
    blockTypes: Object.entries(body.blocks ?? {}).map(([n, b]) => nestedBlockToProto(n, b)),
  };
  describe(out, body);
  return out;
}

export function schemaToProto(def: SchemaDef): Schema {
  return { version: def.version ?? 0, block: blockToProto(def, def.version ?? 0) };
}
