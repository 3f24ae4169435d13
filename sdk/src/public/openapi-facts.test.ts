import { readFileSync } from 'node:fs';
import { validate } from '@readme/openapi-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Holds sdk/openapi/hikube-public.yaml against sdk/openapi/public-api-facts.json, the table of what
// Hikube's published document says (plus our readings of what it leaves implicit). Editing one
// without the other fails here.

type Json = Record<string, unknown>;
type FieldFact = Json & { $ref?: string; items?: FieldFact; additionalProperties?: FieldFact };

interface OperationFact {
  operationId: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  requestBody: string | null;
  response: string;
}

interface Facts {
  source: { repository: string; path: string; commit: string };
  host: string;
  securitySchemes: Record<string, Json>;
  errorStatuses: string[];
  operations: OperationFact[];
  definitions: Record<string, Record<string, FieldFact>>;
  readings: {
    required: Record<string, string[]>;
    constraints: Record<string, Json>;
    crossField: Record<string, { field: string; atLeast: string }[]>;
    whenOmitted: Record<string, Record<string, unknown>>;
    clusterStatus: string[];
    errorBody: Record<string, Json>;
  };
}

interface Document {
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, Json>>;
  components: {
    schemas: Record<string, Json>;
    parameters: Record<string, Json>;
    responses: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
}

const documentUrl = new URL('../../openapi/hikube-public.yaml', import.meta.url);
const factsUrl = new URL('../../openapi/public-api-facts.json', import.meta.url);
const constraintKeys = ['type', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'enum'];
const methods = ['get', 'post', 'put', 'patch', 'delete'];

function pick(schema: Json): Json {
  return Object.fromEntries(constraintKeys.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
}

function lastSegment(ref: unknown): string {
  return String(ref).split('/').pop() ?? '';
}

/** A schema of our document reduced to what the facts can state, $refs followed. */
function ourTree(document: Document, schema: Json): Json {
  if (typeof schema['$ref'] === 'string') {
    const target = document.components.schemas[lastSegment(schema['$ref'])];
    if (!target) throw new Error(`dangling ${String(schema['$ref'])}`);
    return ourTree(document, target);
  }
  if (schema['type'] === 'array') return { type: 'array', items: ourTree(document, schema['items'] as Json) };
  if (schema['type'] === 'object') {
    const properties = (schema['properties'] ?? {}) as Record<string, Json>;
    const tree: Json = {
      type: 'object',
      required: [...((schema['required'] as string[] | undefined) ?? [])].sort(),
      properties: Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, ourTree(document, field)])),
    };
    if (schema['additionalProperties']) tree['additionalProperties'] = ourTree(document, schema['additionalProperties'] as Json);
    if (schema['propertyNames']) tree['propertyNames'] = pick(schema['propertyNames'] as Json);
    return tree;
  }
  return pick(schema);
}

/** The same reduction of a published definition, with our readings laid over it. */
function factTree(facts: Facts, definition: string): Json {
  const fields = facts.definitions[definition];
  if (!fields) throw new Error(`no fact for definition ${definition}`);
  const fieldTree = (field: FieldFact, at: string): Json => {
    const reading = facts.readings.constraints[at] ?? {};
    if (field.$ref) return factTree(facts, field.$ref);
    if (field.type === 'array' && field.items) return { type: 'array', items: fieldTree(field.items, `${at}[]`) };
    if (field.type === 'object') {
      const tree: Json = { type: 'object', required: [], properties: {} };
      if (field.additionalProperties) tree['additionalProperties'] = fieldTree(field.additionalProperties, `${at}{}`);
      if (reading['propertyNames']) tree['propertyNames'] = reading['propertyNames'];
      return tree;
    }
    return { ...pick(field), ...reading };
  };
  return {
    type: 'object',
    required: [...(facts.readings.required[definition] ?? [])].sort(),
    properties: Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldTree(field, `${definition}.${name}`)])),
  };
}

function operationsOf(document: Document): Map<string, { method: string; path: string; item: Json; operation: Json }> {
  const out = new Map<string, { method: string; path: string; item: Json; operation: Json }>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method] as Json | undefined;
      if (operation) out.set(String(operation['operationId']), { method, path, item, operation });
    }
  }
  return out;
}

function resolve(document: Document, kind: 'parameters' | 'responses', value: Json): Json {
  if (typeof value['$ref'] !== 'string') return value;
  const target = document.components[kind][lastSegment(value['$ref'])];
  if (!target) throw new Error(`dangling ${value['$ref']}`);
  return target;
}

function jsonSchemaOf(content: unknown): Json {
  const media = (content as Record<string, { schema: Json }> | undefined)?.['application/json'];
  if (!media) throw new Error('no application/json content');
  return media.schema;
}

const document = parse(readFileSync(documentUrl, 'utf8')) as Document;
const facts = JSON.parse(readFileSync(factsUrl, 'utf8')) as Facts;
const operations = operationsOf(document);

describe('openapi/hikube-public.yaml', () => {
  it('is a valid OpenAPI 3.1 document without warnings', async () => {
    const result = await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0]);
    expect(result).toEqual({ valid: true, warnings: [], specification: 'OpenAPI' });
  });

  it('uses only known schema keywords (a comma in a YAML flow mapping makes a stray key)', () => {
    const known = new Set([
      'type',
      'format',
      'default',
      'description',
      'minimum',
      'maximum',
      'minLength',
      'maxLength',
      'pattern',
      'enum',
      'items',
      'properties',
      'required',
      'additionalProperties',
      'propertyNames',
      '$ref',
    ]);
    const stray: string[] = [];
    const visit = (schema: Json, at: string) => {
      for (const [key, value] of Object.entries(schema)) {
        if (!known.has(key) && !key.startsWith('x-')) stray.push(`${at}.${key}`);
        if (key === 'properties') for (const [name, field] of Object.entries(value as Record<string, Json>)) visit(field, `${at}.${name}`);
        else if ((key === 'items' || key === 'additionalProperties' || key === 'propertyNames') && typeof value === 'object')
          visit(value as Json, `${at}.${key}`);
      }
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) visit(schema, name);
    expect(stray).toEqual([]);
  });

  it('has exactly the operations of the fact table', () => {
    expect([...operations.keys()].sort()).toEqual(facts.operations.map((fact) => fact.operationId).sort());
    expect(operations.size).toBe(18);
  });

  it('serves the published host with the published API key scheme, and only that scheme', () => {
    expect(document.servers.map((server) => server.url)).toEqual([`https://${facts.host}`]);
    const { type, in: where, name } = document.components.securitySchemes['ApiKey'] ?? {};
    expect({ type, in: where, name }).toEqual(facts.securitySchemes['ApiKey']);
    expect(document.security).toEqual([{ ApiKey: [] }]);
  });
});

describe.each(facts.operations)('$operationId matches its published facts', (fact) => {
  const ours = operations.get(fact.operationId);
  const responses = (ours?.operation['responses'] ?? {}) as Record<string, Json>;

  it('has the published method and path', () => {
    expect({ method: ours?.method, path: ours?.path }).toEqual({ method: fact.method, path: fact.path });
  });

  it('has the published path parameters (required strings) and no query parameter', () => {
    const parameters = [...((ours?.item['parameters'] as Json[] | undefined) ?? []), ...((ours?.operation['parameters'] as Json[] | undefined) ?? [])].map(
      (parameter) => resolve(document, 'parameters', parameter),
    );
    expect(
      parameters.map((parameter) => ({
        name: parameter['name'],
        in: parameter['in'],
        required: parameter['required'],
        type: (parameter['schema'] as Json | undefined)?.['type'],
      })),
    ).toEqual([
      ...fact.pathParams.map((name) => ({ name, in: 'path', required: true, type: 'string' })),
      ...fact.queryParams.map((name) => ({ name, in: 'query', required: false, type: 'string' })),
    ]);
  });

  it('takes the published request body, field by field (names, types, limits, our required fields)', () => {
    const body = ours?.operation['requestBody'] as Json | undefined;
    if (fact.requestBody === null) {
      expect(body).toBeUndefined();
      return;
    }
    expect(body?.['required']).toBe(true);
    expect(ourTree(document, jsonSchemaOf(body?.['content']))).toEqual(factTree(facts, fact.requestBody));
  });

  it('answers 200 with the published response, field by field', () => {
    const ok = resolve(document, 'responses', responses['200'] ?? {});
    expect(ourTree(document, jsonSchemaOf(ok['content']))).toEqual(factTree(facts, fact.response));
  });

  it('documents every published error status with the error body', () => {
    expect(Object.keys(responses).sort()).toEqual(['200', ...facts.errorStatuses].sort());
    for (const status of facts.errorStatuses) {
      const schema = jsonSchemaOf(resolve(document, 'responses', responses[status] ?? {})['content']);
      expect(schema['$ref'], status).toBe('#/components/schemas/ErrorBody');
    }
  });
});

describe('the readings the published document leaves implicit', () => {
  it('the error body has the fields of the errors guide', () => {
    expect(ourTree(document, { $ref: '#/components/schemas/ErrorBody' })).toMatchObject({
      properties: Object.fromEntries(Object.entries(facts.readings.errorBody).map(([name, field]) => [name, expect.objectContaining(field)])),
    });
    const properties = (document.components.schemas['ErrorBody']?.['properties'] ?? {}) as Json;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(facts.readings.errorBody).sort());
  });

  it('lists the cluster status values', () => {
    const status = ((document.components.schemas['Cluster']?.['properties'] ?? {}) as Record<string, Json>)['status'];
    expect(Object.keys((status?.['x-hikube-values'] ?? {}) as Json)).toEqual(facts.readings.clusterStatus);
  });

  it('states the cross-field rules', () => {
    for (const [definition, rules] of Object.entries(facts.readings.crossField)) {
      expect(definition).toBe('v1QuorumConfig');
      const properties = (document.components.schemas['QuorumConfig']?.['properties'] ?? {}) as Record<string, Json>;
      for (const rule of rules) expect(properties[rule.field]?.['x-hikube-at-least']).toBe(rule.atLeast);
    }
  });

  it.each([
    ['PostgresServiceUpdatePostgresClusterBody', 'ClusterUpdate'],
    ['hikubepostgresv1UserConfig', 'UserConfig'],
  ])('states what a PATCH does with an omitted field of %s', (definition, ours) => {
    const properties = (document.components.schemas[ours]?.['properties'] ?? {}) as Record<string, Json>;
    const stated = Object.fromEntries(
      Object.entries(properties)
        .filter(([, field]) => field['x-hikube-when-omitted'] !== undefined)
        .map(([name, field]) => [name, field['x-hikube-when-omitted']]),
    );
    expect(stated).toEqual(facts.readings.whenOmitted[definition]);
  });
});

describe('the comparison catches drift', () => {
  it.each([
    ['a limit', (copy: Document) => setField(copy, 'ClusterCreate', 'replicas', { maximum: 9 })],
    ['a type', (copy: Document) => setField(copy, 'ClusterCreate', 'size', { type: 'string' })],
    ['a required field', (copy: Document) => void (copy.components.schemas['ClusterUpdate']!['required'] = ['version'])],
    ['a renamed field', (copy: Document) => renameField(copy, 'Cluster', 'host', 'hostname')],
    ['a pattern', (copy: Document) => setField(copy, 'UserCreate', 'username', { pattern: '^[a-z]+$' })],
  ])('a changed document differs from the table: %s', (_name, change) => {
    const copy = structuredClone(document);
    change(copy);
    const trees = (d: Document) =>
      facts.operations.map((fact) => {
        const ours = operationsOf(d).get(fact.operationId)?.operation;
        const responses = ours?.['responses'] as Record<string, Json>;
        const body = ours?.['requestBody'] as Json | undefined;
        return {
          body: body ? ourTree(d, jsonSchemaOf(body['content'])) : null,
          response: ourTree(d, jsonSchemaOf(resolve(d, 'responses', responses['200'] ?? {})['content'])),
        };
      });
    const expected = facts.operations.map((fact) => ({
      body: fact.requestBody === null ? null : factTree(facts, fact.requestBody),
      response: factTree(facts, fact.response),
    }));
    expect(trees(document)).toEqual(expected);
    expect(trees(copy)).not.toEqual(expected);
  });
});

function setField(copy: Document, schema: string, field: string, patch: Json): void {
  const properties = copy.components.schemas[schema]?.['properties'] as Record<string, Json>;
  properties[field] = { ...properties[field], ...patch };
}

function renameField(copy: Document, schema: string, from: string, to: string): void {
  const properties = copy.components.schemas[schema]?.['properties'] as Record<string, Json>;
  properties[to] = properties[from] ?? {};
  delete properties[from];
}
