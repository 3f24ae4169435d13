// What both generators need to know about the references between a document's schemas.

/** `#/components/schemas/Name` -> `Name`; any other reference is refused. */
export function refName(ref) {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

/**
 * Schema names with every schema after those it references (declarations must come after what
 * they use), alphabetical otherwise. `refsOf(schema)` returns the names one schema references.
 */
export function dependencyOrder(schemas, refsOf) {
  const order = [];
  const state = new Map();
  const visit = (name) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`cycle through ${name}`);
    state.set(name, 'visiting');
    for (const dep of [...refsOf(schemas[name])].sort()) visit(dep);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(schemas).sort()) visit(name);
  return order;
}
