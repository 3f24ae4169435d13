// A local CA and a server certificate for 127.0.0.1/localhost, from node:crypto and the shared
// DER writer (no native addons, no x509 library): ECDSA P-256 keys, ecdsa-with-SHA256 signatures.

import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { basicConstraints, extendedKeyUsage, keyUsage, pem, subjectAltName, writeCertificate, type CertificateExtension } from '@hikube/binary-writers';

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
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  // keyUsage: CA -> keyCertSign|cRLSign; server -> digitalSignature|keyEncipherment.
  const extensions: CertificateExtension[] = spec.ca
    ? [basicConstraints(true), keyUsage(0x06, 1)]
    : [
        basicConstraints(false),
        keyUsage(0xa0, 5),
        extendedKeyUsage(['1.3.6.1.5.5.7.3.1']),
        subjectAltName({ dnsNames: spec.dnsNames ?? [], ipAddresses: spec.ipAddresses ?? [] }),
      ];
  const der = writeCertificate({
    serial,
    issuer: [['2.5.4.3', spec.issuer]],
    subject: [['2.5.4.3', spec.subject]],
    notBefore: now,
    notAfter: new Date(now.getTime() + spec.days * 86_400_000),
    publicKey: spec.publicKey,
    signingKey: spec.signingKey,
    extensions,
  });
  return pem('CERTIFICATE', der);
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
  const have = (cert.subjectAltName ?? '')
    .split(', ')
    .filter((n) => n !== '')
    .sort();
  return want.length === have.length && want.every((n, i) => n === have[i]);
}
