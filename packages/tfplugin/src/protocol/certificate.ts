import { generateKeyPair, randomBytes, sign, type KeyObject } from 'node:crypto';

// A self-signed ECDSA P-256 certificate written with node:crypto and a few lines of DER, because
// x509 libraries cost 100+ ms to load (performance.md B3). The shape mirrors go-plugin's AutoMTLS
// certificate so Go's strict verifier accepts it: CN/SAN localhost, CA, positive serial, EKU
// server+client auth, NotBefore backdated against clock skew.

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const len = body.length;
  let header: Buffer;
  if (len < 0x80) header = Buffer.from([tag, len]);
  else if (len < 0x100) header = Buffer.from([tag, 0x81, len]);
  else header = Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  return Buffer.concat([header, body]);
}

const seq = (...parts: Buffer[]): Buffer => der(0x30, ...parts);
const set = (...parts: Buffer[]): Buffer => der(0x31, ...parts);
const utf8 = (text: string): Buffer => der(0x0c, Buffer.from(text, 'utf8'));
const octets = (data: Buffer): Buffer => der(0x04, data);
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  // UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
  return date.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(`${iso.slice(2)}Z`)) : der(0x18, Buffer.from(`${iso}Z`));
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const NAME = seq(set(seq(oid('2.5.4.10'), utf8('HashiCorp'))), set(seq(oid('2.5.4.3'), utf8('localhost'))));

function extensions(): Buffer {
  // digitalSignature, keyEncipherment, keyAgreement, keyCertSign; 2 unused bits.
  const keyUsage = seq(oid('2.5.29.15'), TRUE, octets(Buffer.from([0x03, 0x02, 0x02, 0xac])));
  const extKeyUsage = seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.1'))));
  const basicConstraints = seq(oid('2.5.29.19'), TRUE, octets(seq(TRUE)));
  const subjectAltName = seq(oid('2.5.29.17'), octets(seq(der(0x82, Buffer.from('localhost')))));
  return der(0xa3, seq(keyUsage, extKeyUsage, basicConstraints, subjectAltName));
}

export interface Certificate {
  /** DER bytes of the certificate. */
  readonly der: Buffer;
  /** PEM of the certificate. */
  readonly certPem: string;
  /** PKCS#8 PEM of the private key. */
  readonly keyPem: string;
}

function toPem(label: string, data: Buffer): string {
  const b64 = data.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

export function buildCertificate(privateKey: KeyObject, publicKey: KeyObject, now = new Date()): Certificate {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01; // positive, no leading zero byte needed
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ECDSA_SHA256,
    NAME,
    seq(time(new Date(now.getTime() - 30_000)), time(new Date(now.getTime() + 365 * 24 * 3600_000))),
    NAME,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions(),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, ECDSA_SHA256, der(0x03, Buffer.from([0]), signature));
  return { der: cert, certPem: toPem('CERTIFICATE', cert), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/** Generates a fresh key pair (on the libuv pool, so it overlaps module loading) and certificate. */
export function generateCertificate(): Promise<Certificate> {
  return new Promise((resolve, reject) => {
    generateKeyPair('ec', { namedCurve: 'prime256v1' }, (err, publicKey, privateKey) => {
      if (err) reject(err);
      else resolve(buildCertificate(privateKey, publicKey));
    });
  });
}

/** The handshake's sixth field: standard base64 of the DER, without `=` padding (go-plugin uses RawStdEncoding). */
export function handshakeCertField(cert: Certificate): string {
  return cert.der.toString('base64').replace(/=+$/, '');
}
