// cty types: the type system of Terraform values. Encoding is type-directed, so every codec
// takes one of these.

export type CtyType =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: CtyType }
  | { readonly kind: 'object'; readonly attributes: Readonly<Record<string, CtyType>>; readonly optional?: readonly string[] }
  | { readonly kind: 'tuple'; readonly elements: readonly CtyType[] };

export const ctyString: CtyType = { kind: 'string' };
export const ctyNumber: CtyType = { kind: 'number' };
export const ctyBool: CtyType = { kind: 'bool' };
export const ctyDynamic: CtyType = { kind: 'dynamic' };
export const ctyList = (element: CtyType): CtyType => ({ kind: 'list', element });
export const ctySet = (element: CtyType): CtyType => ({ kind: 'set', element });
export const ctyMap = (element: CtyType): CtyType => ({ kind: 'map', element });
export const ctyObject = (attributes: Record<string, CtyType>): CtyType => ({ kind: 'object', attributes });
export const ctyTuple = (elements: CtyType[]): CtyType => ({ kind: 'tuple', elements });

/** The JSON form Terraform expects in Schema.Attribute.type, e.g. `"string"` or `["list","number"]`. */
export function typeToJson(type: CtyType): unknown {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return type.kind;
    case 'list':
    case 'set':
    case 'map':
      return [type.kind, typeToJson(type.element)];
    case 'object': {
      const attrs: Record<string, unknown> = {};
      for (const name of Object.keys(type.attributes).sort()) attrs[name] = typeToJson(type.attributes[name] as CtyType);
      return type.optional?.length ? ['object', attrs, [...type.optional].sort()] : ['object', attrs];
    }
    case 'tuple':
      return ['tuple', type.elements.map(typeToJson)];
  }
}

class CtyTypeError extends Error {
  readonly code = 'TFPLUGIN_CTY_TYPE';
  constructor(message: string) {
    super(message);
    this.name = 'CtyTypeError';
  }
}

export function typeFromJson(json: unknown): CtyType {
  if (typeof json === 'string') {
    if (json === 'string' || json === 'number' || json === 'bool' || json === 'dynamic') return { kind: json };
    throw new CtyTypeError(`unknown primitive type ${JSON.stringify(json)}`);
  }
  if (Array.isArray(json) && typeof json[0] === 'string') {
    const [kind, arg, optional] = json as [string, unknown, unknown];
    if (kind === 'list' || kind === 'set' || kind === 'map') return { kind, element: typeFromJson(arg) };
    if (kind === 'tuple' && Array.isArray(arg)) return { kind, elements: arg.map(typeFromJson) };
    if (kind === 'object' && arg && typeof arg === 'object') {
      const attributes: Record<string, CtyType> = {};
      for (const [k, v] of Object.entries(arg)) attributes[k] = typeFromJson(v);
      return Array.isArray(optional) ? { kind, attributes, optional: optional.map(String) } : { kind, attributes };
    }
  }
  throw new CtyTypeError(`not a cty type: ${JSON.stringify(json)}`);
}

export function typeEquals(a: CtyType, b: CtyType): boolean {
  return JSON.stringify(typeToJson(a)) === JSON.stringify(typeToJson(b));
}
