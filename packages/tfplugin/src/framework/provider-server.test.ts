import { describe, expect, it } from 'vitest';
import { ctyObject, ctyString } from '../protocol/cty-type.js';
import { createLogger } from '../protocol/logger.js';
import { decodeMsgpack, encodeMsgpack } from '../protocol/msgpack-codec.js';
import { definitions } from './provider.js';
import { providerService } from './provider-server.js';
import { attr, block, schema } from './schema.js';

// The framework's RPC handlers called in-process: failures come back as diagnostics.

const lines: string[] = [];
const logger = createLogger({ level: 'trace', write: (l) => lines.push(l) });
const { resource, provider } = definitions<undefined>();
const s = schema({
  attributes: { id: attr.string({ required: true }), mode: attr.string({ required: true }) },
  blocks: { rule: block.list({ attributes: { a: attr.string({ optional: true }) } }) },
});
const type = ctyObject({ id: ctyString, mode: ctyString, rule: { kind: 'list', element: ctyObject({ a: ctyString }) } });

const svc = providerService(
  provider({
    address: 'registry.terraform.io/hikube/unit',
    resources: {
      unit_thing: resource({
        schema: s,
        read(req, resp) {
          if (req.state.mode === 'throw') throw new Error('boom from read');
          if (req.state.mode === 'extra') resp.state = { ...req.state, extra: 'x' } as never;
          if (req.state.mode === 'partial') resp.state = { id: req.state.id } as never;
        },
        create() {},
        delete() {},
      }),
    },
  }),
  logger,
);

const read = (mode: string) => svc.ReadResource!({ typeName: 'unit_thing', currentState: { msgpack: encodeMsgpack(type, { id: 'i', mode, rule: [] }) } });

describe('provider server', () => {
  const cases = [
    { mode: 'throw', summary: 'Unexpected provider error', detail: 'ReadResource (unit_thing): boom from read' },
    { mode: 'extra', summary: 'Provider returned a value that does not match its schema', detail: 'ReadResource (unit_thing): unsupported attribute "extra"' },
  ];
  it.each(cases)('turns a $mode in read() into one error diagnostic', async ({ mode, summary, detail }) => {
    const res = await read(mode);
    expect(res.diagnostics).toEqual([{ severity: 1, summary, detail }]);
    expect(lines.some((l) => l.includes('"rpc threw"') && l.includes('ReadResource'))).toBe(true);
  });

  it('completes a partial state: missing attributes null, missing blocks empty', async () => {
    const res = await read('partial');
    expect(res.diagnostics).toEqual([]);
    expect(decodeMsgpack(type, res.newState?.msgpack ?? Buffer.alloc(0))).toEqual({ id: 'i', mode: null, rule: [] });
  });

  it('answers schema requests without a provider block and names unknown types', async () => {
    const schemaRes = await svc.GetProviderSchema!({});
    expect(schemaRes.provider?.block).toBeDefined();
    const res = await svc.ValidateResourceConfig!({ typeName: 'nope', config: {} });
    expect(res.diagnostics?.[0]?.summary).toBe('Invalid request');
  });
});
