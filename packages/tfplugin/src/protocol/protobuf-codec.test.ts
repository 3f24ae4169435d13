import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, ProtobufDecodeError } from './protobuf-codec.js';

const pkgRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('protobuf codec', () => {
  const cases = [
    { name: 'empty message', type: 'tfplugin6.StopProvider.Request', given: {}, hex: '' },
    { name: 'bytes and string', type: 'tfplugin6.DynamicValue', given: { msgpack: Buffer.from([0xc0]) }, hex: '0a01c0' },
    {
      name: 'enum and nested',
      type: 'tfplugin6.Diagnostic',
      given: { severity: 1, summary: 'x', attribute: { steps: [{ attributeName: 'a' }, { elementKeyInt: 0 }] } },
      hex: '08011201782209' + '0a030a0161' + '0a021800',
    },
    { name: 'negative int64', type: 'tfplugin6.Schema', given: { version: -1 }, hex: '08ffffffffffffffffff01' },
    { name: 'map of strings', type: 'tfplugin6.RawState', given: { flatmap: { k: 'v' } }, hex: '12060a016b120176' },
  ];
  it.each(cases)('$name round-trips with the expected bytes', ({ type, given, hex }) => {
    const bytes = encodeMessage(type, given);
    expect(bytes.toString('hex')).toBe(hex);
    const back = decodeMessage(type, bytes);
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(given)));
  });

  it('keeps an explicitly set oneof member even when it is a default value', () => {
    const step = decodeMessage('tfplugin6.AttributePath.Step', encodeMessage('tfplugin6.AttributePath.Step', { elementKeyInt: 0 }));
    expect(step).toEqual({ elementKeyInt: 0 });
  });

  it('skips unknown fields (newer Terraform minors)', () => {
    const withUnknown = Buffer.concat([encodeMessage('tfplugin6.DynamicValue', { json: Buffer.from('{}') }), Buffer.from([0xf8, 0x01, 0x05])]);
    expect(decodeMessage('tfplugin6.DynamicValue', withUnknown)).toEqual({ json: Buffer.from('{}') });
  });

  it('rejects truncated input with a decode error', () => {
    expect(() => decodeMessage('tfplugin6.DynamicValue', Buffer.from([0x0a, 0x05, 0x01]))).toThrow(ProtobufDecodeError);
  });

  it('generated descriptors are up to date with proto/*.proto', () => {
    expect(() => execFileSync(process.execPath, [join(pkgRoot, 'scripts', 'gen-descriptors.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
