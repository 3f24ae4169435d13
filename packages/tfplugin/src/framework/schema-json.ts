import type { Schema, SchemaAttribute, SchemaBlock } from '../protocol/generated/messages.js';
import type { ProviderDefinition } from './provider.js';
import { schemaToProto } from './schema-protocol.js';

// The `terraform providers schema -json` document, derived from the same protocol schema we
// serve, following Terraform's jsonprovider rules (false/empty fields omitted).

const NESTING_NAMES = ['invalid', 'single', 'list', 'set', 'map', 'group'];

function attributeJson(a: SchemaAttribute): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (a.type) out['type'] = JSON.parse(Buffer.from(a.type).toString('utf8'));
  if (a.nestedType) {
    out['nested_type'] = {
      attributes: Object.fromEntries((a.nestedType.attributes ?? []).map((x) => [x.name, attributeJson(x)])),
      nesting_mode: NESTING_NAMES[a.nestedType.nesting ?? 0],
    };
  }
  if (a.description) out['description'] = a.description;
  out['description_kind'] = a.descriptionKind === 1 ? 'markdown' : 'plain';
  for (const flag of ['deprecated', 'required', 'optional', 'computed', 'sensitive'] as const) if (a[flag]) out[flag] = true;
  if (a.writeOnly) out['write_only'] = true;
  return out;
}

function blockJson(b: SchemaBlock): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (b.attributes?.length) out['attributes'] = Object.fromEntries(b.attributes.map((a) => [a.name, attributeJson(a)]));
  if (b.blockTypes?.length) {
    out['block_types'] = Object.fromEntries(
      b.blockTypes.map((t) => {
        const bt: Record<string, unknown> = { nesting_mode: NESTING_NAMES[t.nesting ?? 0], block: blockJson(t.block ?? {}) };
        if (t.minItems) bt['min_items'] = t.minItems;
        if (t.maxItems) bt['max_items'] = t.maxItems;
        return [t.typeName, bt];
      }),
    );
  }
  if (b.description) out['description'] = b.description;
  out['description_kind'] = b.descriptionKind === 1 ? 'markdown' : 'plain';
  if (b.deprecated) out['deprecated'] = true;
  return out;
}

function schemaJson(s: Schema): Record<string, unknown> {
  return { version: s.version ?? 0, block: blockJson(s.block ?? {}) };
}

/** The document `terraform providers schema -json` prints for this provider. */
export function providerSchemaJson(provider: ProviderDefinition): Record<string, unknown> {
  const entry: Record<string, unknown> = { provider: schemaJson(schemaToProto(provider.schema ?? { attributes: {} })) };
  const resources = Object.entries(provider.resources ?? {});
  const dataSources = Object.entries(provider.dataSources ?? {});
  const ephemeralResources = Object.entries(provider.ephemeralResources ?? {});
  if (resources.length) entry['resource_schemas'] = Object.fromEntries(resources.map(([n, r]) => [n, schemaJson(schemaToProto(r.schema))]));
  if (dataSources.length) entry['data_source_schemas'] = Object.fromEntries(dataSources.map(([n, d]) => [n, schemaJson(schemaToProto(d.schema))]));
  if (ephemeralResources.length)
    entry['ephemeral_resource_schemas'] = Object.fromEntries(ephemeralResources.map(([n, e]) => [n, schemaJson(schemaToProto(e.schema))]));
  return { format_version: '1.0', provider_schemas: { [provider.address]: entry } };
}
