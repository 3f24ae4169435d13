import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  attr,
  between,
  block,
  definitions,
  importById,
  lengthBetween,
  oneOf,
  requiresReplace,
  schema,
  timeoutMs,
  timeoutsBlock,
  types,
  useStateForUnknown,
  type ModelOf,
} from '../index.js';

// The proof provider: a small "remote API" kept as JSON files in a directory (so several
// short-lived provider processes see the same objects), written only with the framework's
// public API — the way terraform-provider-hikube will be.

interface Store {
  readonly dir: string;
}

const { resource, dataSource, ephemeralResource, provider } = definitions<Store>();

function objectPath(store: Store, kind: string, id: string): string {
  return join(store.dir, `${kind}-${id}.json`);
}

function load<T>(store: Store, kind: string, id: string): T | null {
  try {
    return JSON.parse(readFileSync(objectPath(store, kind, id), 'utf8')) as T;
  } catch {
    return null;
  }
}

function save(store: Store, kind: string, id: string, value: unknown): void {
  writeFileSync(objectPath(store, kind, id), JSON.stringify(value, null, 2));
}

const thingSchema = schema({
  version: 1,
  description: 'A thing with every kind of attribute and block.',
  attributes: {
    id: attr.string({ computed: true, description: 'Identifier chosen by the API.', planModifiers: [useStateForUnknown()] }),
    name: attr.string({ required: true, markdownDescription: 'Name; **changing it replaces** the thing.', planModifiers: [requiresReplace()] }),
    size: attr.number({ optional: true, computed: true, default: 1, validators: [between(1, 64)] }),
    description: attr.string({ optional: true }),
    password: attr.string({ optional: true, sensitive: true }),
    secret_wo: attr.string({ optional: true, writeOnly: true, description: 'Sent to the API, never stored.' }),
    secret_set: attr.bool({ computed: true }),
    revision: attr.number({ computed: true }),
    created_at: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    legacy: attr.string({ optional: true, deprecated: 'Use description instead.' }),
    labels: attr.map(types.string, { optional: true }),
    endpoint: attr.singleNested(
      { host: attr.string({ computed: true }), port: attr.number({ computed: true }) },
      { computed: true, planModifiers: [useStateForUnknown()] },
    ),
    ports: attr.listNested(
      { number: attr.number({ required: true }), protocol: attr.string({ optional: true, computed: true, default: 'tcp', validators: [oneOf('tcp', 'udp')] }) },
      { optional: true },
    ),
    aliases: attr.setNested({ name: attr.string({ required: true }) }, { optional: true }),
    envs: attr.mapNested({ value: attr.string({ required: true }) }, { optional: true }),
  },
  blocks: {
    network: block.single({ attributes: { cidr: attr.string({ required: true }) } }),
    rule: block.list({ attributes: { action: attr.string({ required: true }), priority: attr.number({ optional: true }) } }, { maxItems: 5 }),
    tag: block.set({ attributes: { key: attr.string({ required: true }), value: attr.string({ optional: true }) } }),
    zone: block.map({ attributes: { weight: attr.number({ optional: true }) } }),
    settings: block.group({ attributes: { mode: attr.string({ optional: true }) } }),
    timeouts: timeoutsBlock('create', 'delete'),
  },
});

type Thing = ModelOf<typeof thingSchema>;

/** The remote side keeps the write-only secret it was sent (as an API keeps a password); state never does. */
function receiveSecret(store: Store, id: string, secret: string | null): void {
  if (secret !== null) save(store, 'secret', id, { secret });
}

const thing = resource({
  schema: thingSchema,
  async create(req, resp) {
    timeoutMs(req.config.timeouts, 'create', 60_000);
    const id = randomBytes(4).toString('hex');
    const state: Thing = {
      ...(req.plan as Thing),
      id,
      secret_set: req.config.secret_wo !== null,
      revision: 1,
      created_at: new Date().toISOString(),
      endpoint: { host: `${req.config.name}.example.internal`, port: 5432 },
    };
    save(req.providerData, 'thing', id, state);
    receiveSecret(req.providerData, id, req.config.secret_wo);
    resp.state = state;
    resp.private = { etag: 'e1' };
  },
  async read(req, resp) {
    const remote = load<Thing>(req.providerData, 'thing', req.state.id as string);
    // Private state must come back on every read; an import stub (no revision yet) starts it.
    if (remote && req.private['etag'] === undefined) {
      if (req.state.revision === null) resp.private = { etag: `e${remote.revision ?? 0}` };
      else resp.diagnostics.warning('private state lost', 'etag missing');
    }
    resp.state = remote;
  },
  async update(req, resp) {
    const state: Thing = {
      ...(req.plan as Thing),
      secret_set: req.config.secret_wo !== null || req.state.secret_set === true,
      revision: (req.state.revision ?? 0) + 1,
      endpoint: req.state.endpoint,
    };
    save(req.providerData, 'thing', state.id as string, state);
    receiveSecret(req.providerData, state.id as string, req.config.secret_wo);
    resp.state = state;
    resp.private = { etag: `e${state.revision}` };
  },
  async delete(req) {
    rmSync(objectPath(req.providerData, 'thing', req.state.id as string), { force: true });
    rmSync(objectPath(req.providerData, 'secret', req.state.id as string), { force: true });
  },
  importState: importById('id'),
  upgradeState(req, resp) {
    // Version 0 called the description "comment".
    const { comment, ...rest } = req.rawState as Record<string, unknown>;
    resp.state = { ...(rest as unknown as Thing), description: (comment as string | null) ?? null };
  },
});

const buggySchema = schema({
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    value: attr.string({ required: true }),
    mistake: attr.string({ required: true, validators: [oneOf('none', 'plan_changes_config', 'apply_differs')] }),
  },
});

/** Makes the two classic provider bugs on demand, so we can see Terraform catch them. */
const buggy = resource({
  schema: buggySchema,
  modifyPlan(req, resp) {
    if (resp.plan && req.config?.mistake === 'plan_changes_config') resp.plan = { ...resp.plan, value: `${String(req.config.value)}-normalised` };
  },
  create(req, resp) {
    const value = req.config.mistake === 'apply_differs' ? `${req.config.value}-as-the-api-says` : req.config.value;
    resp.state = { ...req.plan, id: 'b1', value };
  },
  read() {},
  update(req, resp) {
    resp.state = { ...req.plan };
  },
  delete() {},
});

const slowSchema = schema({
  attributes: { id: attr.string({ computed: true }), delay_ms: attr.number({ required: true, planModifiers: [requiresReplace()] }) },
});

/** Waits in create until the delay passes or Terraform sends StopProvider. */
const slow = resource({
  schema: slowSchema,
  async create(req, resp) {
    const delay = req.config.delay_ms ?? 0;
    req.logger.info('slow create started', { delay_ms: delay });
    await new Promise<void>((resolve) => {
      if (req.signal.aborted) return resolve();
      const timer = setTimeout(resolve, delay);
      req.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (req.signal.aborted) {
      resp.diagnostics.error('Interrupted', 'create was cancelled by StopProvider before the thing was ready');
      return;
    }
    resp.state = { ...req.plan, id: 'slow' };
  },
  read() {},
  delete() {},
});

const info = dataSource({
  schema: schema({
    attributes: {
      name: attr.string({ required: true }),
      greeting: attr.string({ computed: true }),
      things: attr.number({ computed: true }),
    },
  }),
  read(req, resp) {
    resp.state = { ...req.config, greeting: `hello ${req.config.name}`, things: 0 };
  },
});

interface Token {
  name: string;
  value: string;
  renewals: number;
  closed: boolean;
}

/**
 * Issues a token for the length of one Terraform run: open() records it remotely, renew()
 * counts, close() revokes it. Close only sees `private`, so the token id travels there.
 */
function openTokens(store: Store): string[] {
  return readdirSync(store.dir)
    .filter((f) => f.startsWith('token-'))
    .map((f) => load<Token>(store, 'token', f.slice('token-'.length, -'.json'.length)))
    .filter((t): t is Token => t !== null && !t.closed)
    .map((t) => t.value);
}

const token = ephemeralResource({
  schema: schema({
    attributes: {
      name: attr.string({ required: true, validators: [lengthBetween(1, 32)] }),
      renew_after_ms: attr.number({ optional: true, description: 'Ask Terraform to renew after this long.' }),
      value: attr.string({ computed: true, sensitive: true }),
      id: attr.string({ computed: true }),
    },
  }),
  open(req, resp) {
    const id = randomBytes(4).toString('hex');
    const value = `tok-${randomBytes(12).toString('hex')}`;
    save(req.providerData, 'token', id, { name: req.config.name as string, value, renewals: 0, closed: false } satisfies Token);
    resp.result = { ...req.config, value, id };
    resp.private = { token: id };
    if (req.config.renew_after_ms !== null) resp.renewAt = new Date(Date.now() + req.config.renew_after_ms);
  },
  renew(req, resp) {
    const id = String(req.private['token']);
    const current = load<Token>(req.providerData, 'token', id);
    if (!current || current.closed) {
      resp.diagnostics.error('Token gone', `token ${id} was revoked before it could be renewed`);
      return;
    }
    save(req.providerData, 'token', id, { ...current, renewals: current.renewals + 1 });
  },
  close(req) {
    const id = String(req.private['token']);
    const current = load<Token>(req.providerData, 'token', id);
    if (current) save(req.providerData, 'token', id, { ...current, closed: true });
  },
});

export const exampleProvider = provider({
  address: 'registry.terraform.io/hikube/example',
  schema: schema({
    attributes: {
      store_dir: attr.string({ optional: true, description: 'Directory holding the objects (default $EXAMPLE_STORE_DIR).' }),
      api_token: attr.string({ optional: true, sensitive: true }),
      session_token: attr.string({ optional: true, sensitive: true, description: 'A token from example_token, checked while it is open.' }),
    },
  }),
  configure(req, resp) {
    const dir = typeof req.config.store_dir === 'string' ? req.config.store_dir : process.env['EXAMPLE_STORE_DIR'];
    if (!dir) {
      resp.diagnostics.error('Missing store_dir', 'Set store_dir in the provider block or EXAMPLE_STORE_DIR in the environment.', ['store_dir']);
      return;
    }
    mkdirSync(dir, { recursive: true });
    const session = req.config.session_token;
    if (typeof session === 'string' && !openTokens({ dir }).includes(session)) {
      resp.diagnostics.error('Invalid session_token', 'session_token is not a token example_token issued and has not closed yet.', ['session_token']);
      return;
    }
    resp.providerData = { dir };
  },
  resources: { example_thing: thing, example_buggy: buggy, example_slow: slow },
  dataSources: { example_info: info },
  ephemeralResources: { example_token: token },
});
