// A data source shows what the resource manages: the same attributes, all computed.
import type { AttributeDef } from '@hikube/tfplugin';

export function computedCopy(def: AttributeDef): AttributeDef {
  const {
    required: _required,
    optional: _optional,
    default: _default,
    validators: _validators,
    planModifiers: _planModifiers,
    writeOnly: _writeOnly,
    ...rest
  } = def;
  const copy: AttributeDef = { ...rest, computed: true };
  if (def.nested === undefined) return copy;
  const attributes = Object.fromEntries(
    Object.entries(def.nested.attributes)
      .filter(([, nested]) => nested.writeOnly !== true)
      .map(([name, nested]) => [name, computedCopy(nested)]),
  );
  return { ...copy, nested: { nesting: def.nested.nesting, attributes } };
}
