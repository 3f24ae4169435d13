// Why the repository writes DER/X.509, protobuf varints and msgpack by hand: what each library
// costs to load in a fresh process, and per operation next to our writer. Prints tables; asserts
// nothing. The numbers go into README.md "Performance notes".
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type * as X509 from '@peculiar/x509';
import { basicConstraints, pem, subjectAltName, writeCertificate } from '../x509-certificate.js';
import { writeVarint } from '../varint.js';

const LOAD_RUNS = 15;
const require = createRequire(import.meta.url);
const ownEntry = fileURLToPath(new URL('../index.js', import.meta.url));

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Wall time of a fresh `node` that imports `specifier` and exits (NODE_EXTRA_CA_CERTS unset). */
function loadTimes(specifiers: readonly string[]): { median: number; min: number } {
  const env = { ...process.env };
  delete env['NODE_EXTRA_CA_CERTS'];
  const script = specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`).join('') || '0';
  const times: number[] = [];
  for (let run = 0; run < LOAD_RUNS + 2; run += 1) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (child.status !== 0) throw new Error(`importing ${specifiers.join(', ')}: ${child.stderr.toString()}`);
    if (run >= 2) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { median: median(times), min: Math.min(...times) };
}

function perOperation(name: string, runs: number, operation: () => void): { name: string; nsPerOp: number } {
  for (let i = 0; i < Math.min(runs, 1000); i += 1) operation();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) operation();
  return { name, nsPerOp: Number(process.hrtime.bigint() - start) / runs };
}

async function perAsyncOperation(name: string, runs: number, operation: () => Promise<unknown>): Promise<{ name: string; nsPerOp: number }> {
  for (let i = 0; i < 20; i += 1) await operation();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) await operation();
  return { name, nsPerOp: Number(process.hrtime.bigint() - start) / runs };
}

const base = loadTimes([]);
const loads = [
  { what: 'our writers (`@hikube/binary-writers`)', specifiers: [ownEntry] },
  { what: '`protobufjs/minimal` (its Writer alone)', specifiers: [require.resolve('protobufjs/minimal')] },
  { what: '`protobufjs` (with reflection)', specifiers: [require.resolve('protobufjs')] },
  { what: '`@msgpack/msgpack`', specifiers: ['@msgpack/msgpack'] },
  { what: '`@peculiar/x509` (with the `reflect-metadata` it needs)', specifiers: ['reflect-metadata', '@peculiar/x509'] },
].map(({ what, specifiers }) => ({ what, ...loadTimes(specifiers) }));

// Varints of a Terraform RPC's mix: field tags, lengths, small and 64-bit numbers.
const VALUES = [8, 18, 150, 300, 16_384, 2 ** 31 - 1, 7, 2 ** 40];
const target = Buffer.allocUnsafe(VALUES.length * 10);
const protobuf = require('protobufjs/minimal') as { Writer: { create(): { uint64(v: number): unknown; uint32(v: number): unknown; finish(): Uint8Array } } };
const varintRows = [
  perOperation('varints, ours (`writeVarint` into a buffer)', 200_000, () => {
    let pos = 0;
    for (const value of VALUES) pos = writeVarint(target, pos, value);
  }),
  perOperation('varints, `protobufjs` Writer (create, write, finish)', 200_000, () => {
    const writer = protobuf.Writer.create();
    for (const value of VALUES)
      if (value > 0xffffffff) writer.uint64(value);
      else writer.uint32(value);
    writer.finish();
  }),
];

const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
await import('reflect-metadata');
const x509 = (await import('@peculiar/x509')) as typeof X509;
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const webKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
const certificateRows = [
  perOperation('self-signed P-256 certificate, ours (`writeCertificate` + `pem`)', 2_000, () => {
    pem(
      'CERTIFICATE',
      writeCertificate({
        serial: Buffer.from([1, 2, 3]),
        issuer: [['2.5.4.3', 'localhost']],
        subject: [['2.5.4.3', 'localhost']],
        notBefore: new Date(),
        notAfter: new Date(Date.now() + 86_400_000),
        publicKey: key.publicKey,
        signingKey: key.privateKey,
        extensions: [basicConstraints(true), subjectAltName({ dnsNames: ['localhost'] })],
      }),
    );
  }),
  await perAsyncOperation('self-signed P-256 certificate, `@peculiar/x509`', 2_000, async () => {
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '010203',
      name: 'CN=localhost',
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 86_400_000),
      keys: webKeys,
      signingAlgorithm: algorithm,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }])],
    });
    cert.toString('pem');
  }),
];

const fixed = (n: number, digits = 1): string => n.toFixed(digits);
console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs; ${new Date().toISOString().slice(0, 16)}Z\n`);
console.log(`| import in a fresh process (${LOAD_RUNS} runs) | median ms | min ms | median net of \`node -e 0\` |`);
console.log('|---|---|---|---|');
console.log(`| \`node -e 0\` | ${fixed(base.median)} | ${fixed(base.min)} | |`);
for (const row of loads) console.log(`| ${row.what} | ${fixed(row.median)} | ${fixed(row.min)} | ${fixed(row.median - base.median)} |`);
console.log('\n| operation | µs per operation |');
console.log('|---|---|');
for (const row of [...varintRows, ...certificateRows]) console.log(`| ${row.name} | ${fixed(row.nsPerOp / 1000, 2)} |`);
console.log(`\nload average (1 min) at the end: ${fixed(loadavg()[0] ?? 0)} on ${cpus().length} CPUs`);
