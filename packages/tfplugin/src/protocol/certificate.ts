import { generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { basicConstraints, extendedKeyUsage, keyUsage, pem, subjectAltName, writeCertificate, type DistinguishedName } from '@hikube/binary-writers';

// A self-signed ECDSA P-256 certificate from the shared DER writer, because x509 libraries cost
// 100+ ms to load (packages/binary-writers/README.md "Performance notes"). The shape mirrors go-plugin's AutoMTLS
// certificate so Go's strict verifier accepts it: CN/SAN localhost, CA, positive serial, EKU
// server+client auth, NotBefore backdated against clock skew.

const NAME: DistinguishedName = [
  ['2.5.4.10', 'HashiCorp'],
  ['2.5.4.3', 'localhost'],
];

export interface Certificate {
  /** DER bytes of the certificate. */
  readonly der: Buffer;
  /** PEM of the certificate. */
  readonly certPem: string;
  /** PKCS#8 PEM of the private key. */
  readonly keyPem: string;
}

function buildCertificate(privateKey: KeyObject, publicKey: KeyObject, now = new Date()): Certificate {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01; // positive, no leading zero byte needed
  const cert = writeCertificate({
    serial,
    issuer: NAME,
    subject: NAME,
    notBefore: new Date(now.getTime() - 30_000),
    notAfter: new Date(now.getTime() + 365 * 24 * 3600_000),
    publicKey,
    signingKey: privateKey,
    // digitalSignature, keyEncipherment, keyAgreement, keyCertSign (2 unused bits); client and server auth.
    extensions: [
      keyUsage(0xac, 2),
      extendedKeyUsage(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1']),
      basicConstraints(true),
      subjectAltName({ dnsNames: ['localhost'] }),
    ],
  });
  return { der: cert, certPem: pem('CERTIFICATE', cert), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
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
