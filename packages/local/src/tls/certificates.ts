// A local CA and a server certificate for 127.0.0.1/localhost, built with node:crypto and a small
// DER writer (no native addons, no x509 library): ECDSA P-256 keys, ecdsa-with-SHA256 signatures.

import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);
const set = (...c: Buffer[]): Buffer => tlv(0x31, ...c);
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bitString = (b: Buffer): Buffer => tlv(0x03, Buffer.from([0]), b);
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
const explicit = (n: number, c: Buffer): Buffer => tlv(0xa0 + n, c);

function integer(b: Buffer): Buffer {
  let v = b;
  while (v.length > 1 && v[0] === 0 && ((v[1] as number) & 0x80) === 0) v = v.subarray(1);
  if (((v[0] as number) & 0x80) !== 0) v = Buffer.concat([Buffer.from([0]), v]);
  return tlv(0x02, v);
}

function oid(text: string): Buffer {
  const parts = text.split('.').map(Number);
  const out: number[] = [40 * (parts[0] as number) + (parts[1] as number)];
  for (const p of parts.slice(2)) {
    const stack: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) stack.unshift((v & 0x7f) | 0x80);
    out.push(...stack);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const iso = d.toISOString();
  const compact = iso.slice(0, 19).replace(/[-:T]/g, '') + 'Z';
  // UTCTime for years before 2050, GeneralizedTime after (RFC 5280).
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(compact.slice(2))) : tlv(0x18, Buffer.from(compact));
}

const name = (cn: string): Buffer => seq(set(seq(oid('2.5.4.3'), utf8(cn))));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function pem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

export interface KeyPairPem {
  certPem: string;
  keyPem: string;
}

interface CertSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  ca: boolean;
  ipAddresses?: string[];
  dnsNames?: string[];
  days: number;
}

function certificate(spec: CertSpec): string {
  const now = new Date(Date.now() - 60_000);
  const until = new Date(now.getTime() + spec.days * 86_400_000);
  const spki = spec.publicKey.export({ type: 'spki', format: 'der' });
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  const exts: Buffer[] = [extension('2.5.29.19', true, spec.ca ? seq(bool(true)) : seq())];
  // keyUsage: CA -> keyCertSign|cRLSign; server -> digitalSignature|keyEncipherment.
  exts.push(extension('2.5.29.15', true, spec.ca ? tlv(0x03, Buffer.from([1, 0x06])) : tlv(0x03, Buffer.from([5, 0xa0]))));
  if (!spec.ca) {
    exts.push(extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))));
    const names: Buffer[] = [];
    for (const dns of spec.dnsNames ?? []) names.push(tlv(0x82, Buffer.from(dns, 'ascii')));
    for (const ip of spec.ipAddresses ?? []) names.push(tlv(0x87, Buffer.from(ip.split('.').map(Number))));
    exts.push(extension('2.5.29.17', false, seq(...names)));
  }
  const tbs = seq(explicit(0, integer(Buffer.from([2]))), integer(serial), ECDSA_SHA256, name(spec.issuer), seq(time(now), time(until)), name(spec.subject), spki, explicit(3, seq(...exts)));
  const signature = sign('sha256', tbs, { key: spec.signingKey, dsaEncoding: 'der' });
  return pem('CERTIFICATE', seq(tbs, ECDSA_SHA256, bitString(signature)));
}

function newKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

const CA_NAME = 'hikube-local-ca';

export interface LocalPki {
  ca: KeyPairPem;
  server: KeyPairPem;
}

export function createLocalPki(days = 3650): LocalPki {
  const caKey = newKey();
  const caCert = certificate({ subject: CA_NAME, issuer: CA_NAME, publicKey: caKey.publicKey, signingKey: caKey.privateKey, ca: true, days });
  const serverKey = newKey();
  const serverCert = certificate({
    subject: 'hikube-local',
    issuer: CA_NAME,
    publicKey: serverKey.publicKey,
    signingKey: caKey.privateKey,
    ca: false,
    ipAddresses: ['127.0.0.1'],
    dnsNames: ['localhost'],
    days,
  });
  const exportKey = (k: KeyObject): string => k.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { ca: { certPem: caCert, keyPem: exportKey(caKey.privateKey) }, server: { certPem: serverCert, keyPem: exportKey(serverKey.privateKey) } };
}

/** True when `keyPem` is the private key for `certPem`'s public key. */
export function keyMatches(certPem: string, keyPem: string): boolean {
  const pub = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  const fromKey = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
  return Buffer.compare(pub, fromKey) === 0;
}

/** The names a server certificate is valid for (its subjectAltName). */
export interface ServerNames {
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

/** A new key and a certificate for `names`, signed by the local CA (e.g. a PostgreSQL cluster's). */
export function issueServerCertificate(ca: KeyPairPem, subject: string, names: ServerNames, days = 825): KeyPairPem {
  const key = newKey();
  const certPem = certificate({
    subject,
    issuer: CA_NAME,
    publicKey: key.publicKey,
    signingKey: createPrivateKey(ca.keyPem),
    ca: false,
    dnsNames: [...names.dnsNames],
    ipAddresses: [...names.ipAddresses],
    days,
  });
  return { certPem, keyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/**
 * True when `certPem` was signed by `caCertPem`, names exactly `names` and stays valid for at
 * least `marginDays` more: otherwise it is issued again.
 */
export function certificateFits(certPem: string, caCertPem: string, names: ServerNames, now = new Date(), marginDays = 30): boolean {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    return false;
  }
  if (!cert.verify(new X509Certificate(caCertPem).publicKey)) return false;
  if (new Date(cert.validTo).getTime() - now.getTime() < marginDays * 86_400_000) return false;
  const want = [...names.dnsNames.map((n) => `DNS:${n}`), ...names.ipAddresses.map((ip) => `IP Address:${ip}`)].sort();
  const have = (cert.subjectAltName ?? '').split(', ').filter((n) => n !== '').sort();
  return want.length === have.length && want.every((n, i) => n === have[i]);
}
