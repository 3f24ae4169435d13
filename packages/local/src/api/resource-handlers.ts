// The verbs on one resource path: get, list, watch, create, update, patch (merge, JSON, apply),
// delete and deletecollection, with Kubernetes semantics for preconditions, dry runs, field
// managers and Table output.

import { applyMergePatch } from '@hikube/sdk/kubernetes';
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { POSTGRES_FINALIZER } from '../store/finalizers.js';
import { cloneJson, type KubeObject } from '../store/kube-object.js';
import { nowTimestamp, type ObjectService, type PropagationPolicy } from '../store/object-service.js';
import { NAMESPACE, apiVersionOf, type ResourceType } from '../store/resource-types.js';
import type { Admission, FieldValidation } from './admission.js';
import { applyConfig, recordUpdate } from './field-manager.js';
import { jsonPatch } from './json-patches.js';
import type { ResourcePath } from './request-path.js';
import { parseJsonBody, parseYamlOrJson, parseYamlOrJsonBody, requireObject, type ParsedJson } from './request-body.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import { ApiStatusError, badRequest, conflictApply, methodNotAllowed, notFoundPath, unsupportedMediaType, type Target } from './status-error.js';
import { TABLE_CONTENT_TYPE, toTable, wantsTable } from './table.js';

export interface Reply {
  status: number;
  body: unknown;
  contentType?: string;
  warnings?: string[];
}

export interface ResourceRequest {
  method: string;
  path: ResourcePath;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: () => Promise<string>;
}

const PATCH_TYPES = 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';
const BODY_TYPES = 'application/json, application/yaml';

/** The media type of the body, lower-cased, without parameters; '' when not sent. */
function mediaTypeOf(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Objects and DeleteOptions come as JSON or YAML; no Content-Type means JSON, as on kube-apiserver. */
function parseObjectBody(headers: IncomingHttpHeaders, text: string): ParsedJson {
  const type = mediaTypeOf(headers);
  if (type === '' || type === 'application/json') return parseJsonBody(text);
  if (type === 'application/yaml') return parseYamlOrJsonBody(text);
  throw unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${BODY_TYPES}`);
}

/** Keys sent twice: refused under Strict, warned under Warn (JSON keeps the last either way). */
function duplicateFieldWarnings(duplicates: string[], validation: FieldValidation): string[] {
  if (!duplicates.length || validation === 'Ignore') return [];
  const each = duplicates.map((d) => `duplicate field "${d}"`);
  if (validation === 'Strict') throw badRequest(`strict decoding error: ${each.join(', ')}`);
  return each;
}

export function targetOf(type: ResourceType, name: string): Target {
  return { group: type.group, plural: type.plural, kind: type.kind, name };
}

export function verbOf(method: string, path: ResourcePath, query: URLSearchParams): string {
  const named = path.name !== undefined;
  switch (method) {
    case 'GET':
      return named ? 'get' : isWatch(query) ? 'watch' : 'list';
    case 'POST':
      return named ? 'post-named' : 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

export function isWatch(query: URLSearchParams): boolean {
  const w = query.get('watch');
  return w === 'true' || w === '1';
}

function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation');
  if (v === 'Ignore' || v === 'Warn' || v === 'Strict') return v;
  if (v === null || v === '') return 'Warn';
  throw badRequest(`fieldValidation must be one of Strict, Warn or Ignore, not "${v}"`);
}

function isDryRun(query: URLSearchParams): boolean {
  const all = query.getAll('dryRun');
  if (all.some((v) => v !== 'All')) throw badRequest('dryRun must be "All"');
  return all.length > 0;
}

function encodeContinue(key: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: key })).toString('base64url');
}

function decodeContinue(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; k?: unknown };
    if (parsed.v === 1 && typeof parsed.k === 'string') return parsed.k;
  } catch {
    // fall through
  }
  throw badRequest('the provided continue parameter is invalid; start the list again without it');
}

export class ResourceHandlers {
  constructor(
    private readonly service: ObjectService,
    private readonly admission: Admission,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async handle(req: ResourceRequest, verb: string): Promise<Reply> {
    const { path } = req;
    if (path.subresource !== undefined) {
      if (path.subresource !== 'status' || !path.type.hasStatus || path.name === undefined) throw notFoundPath();
      if (verb === 'get') return this.get(req);
      if (verb === 'update' || verb === 'patch') {
        if (!path.type.verbs.includes('update')) throw methodNotAllowed(`the server does not allow this method on the requested resource`);
        return verb === 'update' ? this.update(req) : this.patch(req);
      }
      throw methodNotAllowed('the server does not allow this method on the requested resource');
    }
    switch (verb) {
      case 'get':
        return this.get(req);
      case 'list':
        return this.list(req);
      case 'create':
        return this.create(req);
      case 'update':
        return this.update(req);
      case 'patch':
        return this.patch(req);
      case 'delete':
        return this.delete(req);
      case 'deletecollection':
        return this.deleteCollection(req);
      default:
        throw methodNotAllowed('the server does not allow this method on the requested resource');
    }
  }

  private ns(path: ResourcePath): string {
    return path.type.namespaced ? (path.namespace ?? '') : '';
  }

  private get(req: ResourceRequest): Reply {
    const { type, name } = req.path;
    const obj = this.service.get(type, this.ns(req.path), name as string);
    if (wantsTable(req.headers.accept)) {
      return { status: 200, body: toTable(type, [obj], obj.metadata.resourceVersion ?? '', this.tableOptions(req.query)), contentType: TABLE_CONTENT_TYPE };
    }
    return { status: 200, body: obj };
  }

  private tableOptions(query: URLSearchParams): { includeObject?: string; now: Date } {
    const include = query.get('includeObject');
    return { now: this.clock(), ...(include ? { includeObject: include } : {}) };
  }

  listFilter(query: URLSearchParams): ((o: KubeObject) => boolean) | undefined {
    const labels = parseLabelSelector(query.get('labelSelector'));
    const fields = parseFieldSelector(query.get('fieldSelector'));
    if (labels && fields) return (o) => labels(o) && fields(o);
    return labels ?? fields;
  }

  private list(req: ResourceRequest): Reply {
    const { type, namespace } = req.path;
    const limitText = req.query.get('limit');
    const limit = limitText ? Number(limitText) : undefined;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw badRequest(`limit must be a non-negative integer, not "${limitText ?? ''}"`);
    const cont = req.query.get('continue');
    const filter = this.listFilter(req.query);
    const result = this.service.list(type, {
      ...(type.namespaced && namespace !== undefined ? { namespace } : {}),
      ...(limit ? { limit } : {}),
      ...(cont ? { continueAfter: decodeContinue(cont) } : {}),
      ...(filter ? { filter } : {}),
      shared: true,
    });
    const token = result.continueAfter === undefined ? undefined : encodeContinue(result.continueAfter);
    const rv = String(result.rv);
    if (wantsTable(req.headers.accept)) {
      return {
        status: 200,
        body: toTable(type, result.items, rv, { ...this.tableOptions(req.query), ...(token ? { continueToken: token } : {}) }),
        contentType: TABLE_CONTENT_TYPE,
      };
    }
    return {
      status: 200,
      body: {
        kind: `${type.kind}List`,
        apiVersion: apiVersionOf(type),
        metadata: { resourceVersion: rv, ...(token ? { continue: token } : {}) },
        items: result.items,
      },
    };
  }

  private async readObject(req: ResourceRequest): Promise<{ object: KubeObject; warnings: string[] }> {
    const parsed = parseObjectBody(req.headers, await req.body());
    const warnings = duplicateFieldWarnings(parsed.duplicates, fieldValidationOf(req.query));
    return { object: this.checkShape(req.path, requireObject(parsed.value, 'the request body')), warnings };
  }

  private checkShape(path: ResourcePath, raw: Record<string, unknown>): KubeObject {
    const { type } = path;
    if (raw['kind'] !== undefined && raw['kind'] !== type.kind)
      throw badRequest(`the kind "${String(raw['kind'])}" does not match the resource ${type.plural} (kind ${type.kind})`);
    if (raw['apiVersion'] !== undefined && raw['apiVersion'] !== apiVersionOf(type))
      throw badRequest(`the apiVersion "${String(raw['apiVersion'])}" is not served here; use ${apiVersionOf(type)}`);
    const meta = requireObject(raw['metadata'] ?? {}, 'metadata');
    if (type.namespaced && meta['namespace'] !== undefined && meta['namespace'] !== path.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    for (const k of ['labels', 'annotations'] as const) {
      const m = meta[k];
      if (m === undefined || m === null) continue;
      const map = requireObject(m, `metadata.${k}`);
      for (const [lk, lv] of Object.entries(map)) if (typeof lv !== 'string') throw badRequest(`metadata.${k}.${lk} must be a string`);
    }
    const obj = { ...raw, apiVersion: apiVersionOf(type), kind: type.kind, metadata: { ...meta } } as KubeObject;
    if (type.namespaced) obj.metadata.namespace = path.namespace as string;
    return obj;
  }

  private async create(req: ResourceRequest, preParsed?: KubeObject, manager?: string): Promise<Reply> {
    const { type } = req.path;
    const read = preParsed ? { object: preParsed, warnings: [] } : await this.readObject(req);
    const obj = read.object;
    if (!obj.metadata.name) {
      const prefix = obj.metadata['generateName'];
      if (typeof prefix !== 'string' || !prefix) {
        throw new ApiStatusError(422, 'Invalid', `${type.kind}.${type.group} "" is invalid: metadata.name: Required value: name or generateName is required`, {
          kind: type.kind,
          group: type.group,
          causes: [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }],
        });
      }
      obj.metadata.name = prefix + randomBytes(3).toString('hex').slice(0, 5);
    }
    if (type.namespaced) {
      if (!this.service.find(NAMESPACE, '', req.path.namespace as string))
        throw new ApiStatusError(404, 'NotFound', `namespaces "${req.path.namespace ?? ''}" not found`, {
          name: req.path.namespace as string,
          kind: 'namespaces',
        });
    }
    delete obj.metadata.managedFields;
    const { object, warnings } = this.admission.admit(type, obj, undefined, fieldValidationOf(req.query));
    if (type.kind === 'Postgres') object.metadata.finalizers = [...new Set([...(object.metadata.finalizers ?? []), POSTGRES_FINALIZER])];
    if (manager === undefined) recordUpdate(undefined, object, req.query.get('fieldManager') ?? defaultManager(req.headers), nowTimestamp(this.clock()));
    const created = await this.service.create(type, object, { dryRun: isDryRun(req.query) });
    return { status: 201, body: created, warnings: [...read.warnings, ...warnings] };
  }

  private async update(req: ResourceRequest): Promise<Reply> {
    const { type, name, subresource } = req.path;
    const { object: obj, warnings } = await this.readObject(req);
    if (obj.metadata.name !== name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name ?? ''})`);
    const current = this.service.get(type, this.ns(req.path), name);
    const expectedRv = obj.metadata.resourceVersion || undefined;
    return this.write(req, current, obj, expectedRv, subresource === 'status', true, warnings);
  }

  private async write(
    req: ResourceRequest,
    current: KubeObject,
    next: KubeObject,
    expectedRv: string | undefined,
    status: boolean,
    track: boolean,
    warningsIn: string[] = [],
  ): Promise<Reply> {
    const { type } = req.path;
    let warnings = warningsIn;
    if (!status) {
      const admitted = this.admission.admit(type, next, current, fieldValidationOf(req.query));
      next = admitted.object;
      warnings = [...warnings, ...admitted.warnings];
      // A replace built from config (no finalizers) must not drop the cleanup finalizer of a live
      // cluster, or its processes and data would outlive it; once deletion started it may go.
      const keep = current.metadata.finalizers?.includes(POSTGRES_FINALIZER) && !current.metadata.deletionTimestamp;
      if (keep && !next.metadata.finalizers?.includes(POSTGRES_FINALIZER)) next.metadata.finalizers = [...(next.metadata.finalizers ?? []), POSTGRES_FINALIZER];
    }
    if (track) recordUpdate(current, next, req.query.get('fieldManager') ?? defaultManager(req.headers), nowTimestamp(this.clock()));
    const result = await this.service.update(type, next, {
      ...(expectedRv !== undefined ? { expectedRv } : {}),
      ...(status ? { subresource: 'status' as const } : {}),
      dryRun: isDryRun(req.query),
    });
    return { status: 200, body: result.object, warnings };
  }

  private async patch(req: ResourceRequest): Promise<Reply> {
    const { type, name, subresource } = req.path;
    const contentType = mediaTypeOf(req.headers);
    const status = subresource === 'status';
    if (contentType === 'application/apply-patch+yaml') return this.apply(req, status);
    if (contentType === 'application/strategic-merge-patch+json') {
      throw unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES}`);
    }
    if (contentType !== 'application/merge-patch+json' && contentType !== 'application/json-patch+json') {
      throw unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES}`);
    }
    const parsed = parseJsonBody(await req.body());
    // A merge patch is decoded as an object, so a key given twice is refused under Strict as on a
    // create; a JSON Patch is a list of operations, each naming its path, so it has nothing to check.
    const warnings = contentType === 'application/merge-patch+json' ? duplicateFieldWarnings(parsed.duplicates, fieldValidationOf(req.query)) : [];
    const body = parsed.value;
    const current = this.service.get(type, this.ns(req.path), name as string);
    const patched = contentType === 'application/merge-patch+json' ? applyMergePatch(current, requireObject(body, 'a merge patch')) : jsonPatch(current, body);
    const next = this.checkShape(req.path, requireObject(patched, 'the patched object'));
    if (next.metadata.name !== name) throw badRequest('metadata.name cannot be changed by a patch');
    const expectedRv = next.metadata.resourceVersion;
    // A client that rewrites managedFields itself (kubectl's CSA->SSA migration) gets them stored verbatim.
    const ownFields = JSON.stringify(next.metadata.managedFields ?? null) !== JSON.stringify(current.metadata.managedFields ?? null);
    return this.write(req, current, next, expectedRv, status, !ownFields && !status, warnings);
  }

  private async apply(req: ResourceRequest, status: boolean): Promise<Reply> {
    const { type, name } = req.path;
    const manager = req.query.get('fieldManager');
    if (!manager) throw badRequest('PATCH with application/apply-patch+yaml requires the fieldManager parameter');
    const forceText = req.query.get('force');
    const force = forceText === 'true';
    const config = this.checkShape(req.path, requireObject(parseYamlOrJson(await req.body()), 'the applied configuration'));
    if (config.metadata.name !== name)
      throw badRequest(`the name of the object (${config.metadata.name || '""'}) does not match the name on the URL (${name ?? ''})`);
    const current = this.service.find(type, this.ns(req.path), name as string);
    const time = nowTimestamp(this.clock());
    if (status) {
      if (!current) throw this.notFound(type, name as string);
      const next = cloneJson(current);
      next['status'] = config['status'];
      return this.write(req, current, next, undefined, true, false);
    }
    const outcome = applyConfig(current, config, manager, force, time);
    if (outcome.conflicts.length) throw conflictApply(targetOf(type, name as string), outcome.conflicts, apiVersionOf(type));
    if (!current) return this.create(req, outcome.object, manager);
    const expectedRv = config.metadata.resourceVersion;
    outcome.object.metadata.resourceVersion = current.metadata.resourceVersion as string;
    return this.write(req, current, outcome.object, expectedRv, false, false);
  }

  private notFound(type: ResourceType, name: string): ApiStatusError {
    const q = type.group ? `${type.plural}.${type.group}` : type.plural;
    return new ApiStatusError(404, 'NotFound', `${q} "${name}" not found`, { name, group: type.group, kind: type.plural });
  }

  private async deleteOptions(req: ResourceRequest): Promise<{ policy?: PropagationPolicy; dryRun: boolean; expectedRv?: string }> {
    const text = (await req.body()).trim();
    const opts = text ? requireObject(parseObjectBody(req.headers, text).value, 'DeleteOptions') : {};
    const policy = (opts['propagationPolicy'] ?? req.query.get('propagationPolicy') ?? undefined) as string | undefined;
    if (policy !== undefined && policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
      throw badRequest(`propagationPolicy must be Background, Foreground or Orphan, not "${policy}"`);
    }
    const dry = opts['dryRun'];
    const dryRun = isDryRun(req.query) || (Array.isArray(dry) && dry.includes('All'));
    const pre = opts['preconditions'] as { resourceVersion?: string } | undefined;
    return { ...(policy ? { policy } : {}), dryRun, ...(pre?.resourceVersion ? { expectedRv: pre.resourceVersion } : {}) };
  }

  private async delete(req: ResourceRequest): Promise<Reply> {
    const { type, name } = req.path;
    const o = await this.deleteOptions(req);
    const last = await this.service.delete(type, this.ns(req.path), name as string, {
      dryRun: o.dryRun,
      ...(o.policy ? { propagationPolicy: o.policy } : {}),
      ...(o.expectedRv ? { expectedRv: o.expectedRv } : {}),
    });
    const pending = !o.dryRun && last.metadata.deletionTimestamp !== undefined && (last.metadata.finalizers?.length ?? 0) > 0;
    return { status: pending ? 202 : 200, body: last };
  }

  private async deleteCollection(req: ResourceRequest): Promise<Reply> {
    const { type, namespace } = req.path;
    const o = await this.deleteOptions(req);
    const filter = this.listFilter(req.query);
    const { items, rv } = this.service.list(type, { ...(namespace !== undefined ? { namespace } : {}), ...(filter ? { filter } : {}) });
    const out: KubeObject[] = [];
    for (const item of items) {
      out.push(
        await this.service.delete(type, item.metadata.namespace ?? '', item.metadata.name, {
          dryRun: o.dryRun,
          ...(o.policy ? { propagationPolicy: o.policy } : {}),
        }),
      );
    }
    return { status: 200, body: { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: { resourceVersion: String(rv) }, items: out } };
  }
}

function defaultManager(headers: IncomingHttpHeaders): string {
  const ua = headers['user-agent'] ?? 'unknown';
  return (ua.split('/')[0] ?? 'unknown').slice(0, 128) || 'unknown';
}
