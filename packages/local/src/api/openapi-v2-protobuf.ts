// A minimal OpenAPI v2 document in gnostic's protobuf encoding (`/openapi/v2`). kubectl 1.27 and
// 1.28 probe server-side field validation here (not in v3): they look for a PATCH operation tagged
// with the kind's x-kubernetes-group-version-kind that declares a `fieldValidation` query
// parameter. Without it their default `--validate=strict` fails. Field numbers follow
// gnostic's openapiv2/OpenAPIv2.proto. Written by hand with the shared varint writer: one
// 2 KB document does not justify loading protobufjs (see packages/binary-writers/README.md).

import { varint } from '@hikube/binary-writers';
import { RESOURCE_TYPES } from '../store/resource-types.js';

/** What kubectl asks for in Accept. */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** What we answer: Go's mime parser rejects the '@' form in a Content-Type. */
export const OPENAPI_V2_PROTOBUF_RESPONSE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** A length-delimited field (wire type 2): strings and embedded messages. */
function field(num: number, value: string | Buffer): Buffer {
  const body = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([varint((num << 3) | 2), varint(body.length), body]);
}

const msg = (...parts: Buffer[]): Buffer => Buffer.concat(parts);

function queryParameter(name: string): Buffer {
  // ParametersItem.parameter(1) -> Parameter.non_body_parameter(2) -> NonBodyParameter.query_parameter_sub_schema(3)
  const sub = msg(field(2, 'query'), field(4, name), field(6, 'string'));
  return field(8, field(1, field(2, field(3, sub))));
}

function operation(id: string, gvk: { group: string; version: string; kind: string }, withParams: boolean): Buffer {
  const yaml = `group: "${gvk.group}"\nkind: ${gvk.kind}\nversion: ${gvk.version}\n`;
  const ok = field(9, field(1, msg(field(1, '200'), field(2, field(1, field(1, 'OK'))))));
  const ext = field(13, msg(field(1, 'x-kubernetes-group-version-kind'), field(2, field(2, yaml))));
  const params = withParams ? msg(queryParameter('fieldValidation'), queryParameter('fieldManager'), queryParameter('dryRun')) : Buffer.alloc(0);
  return msg(field(5, id), params, ok, ext);
}

export function openapiV2Protobuf(): Buffer {
  const paths: Buffer[] = [];
  for (const t of RESOURCE_TYPES) {
    if (!t.verbs.includes('patch')) continue;
    const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
    const path = `${base}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}/{name}`;
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    // PathItem: put(3), patch(8).
    const item = msg(field(3, operation(`replace${t.kind}`, gvk, true)), field(8, operation(`patch${t.kind}`, gvk, true)));
    paths.push(field(2, msg(field(1, path), field(2, item))));
  }
  // Document: swagger(1), info(2){title(1), version(2)}, paths(8){path(2)...}
  return msg(field(1, '2.0'), field(2, msg(field(1, 'Hikube Local'), field(2, 'v1'))), field(8, msg(...paths)));
}
