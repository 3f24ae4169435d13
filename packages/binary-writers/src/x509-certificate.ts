// X.509 v3 certificates (RFC 5280) written as DER and signed with node:crypto (ECDSA P-256,
// ecdsa-with-SHA256): @peculiar/x509 adds 131 ms to 1 s to a process start, more than the
// provider's whole 150 ms handshake budget (README.md "Performance notes").
import { sign, type KeyObject } from 'node:crypto';
import { bitString, boolean, explicit, integer, objectId, octetString, sequence, set, time, tlv, utf8String } from './der.js';

/** A distinguished name: attribute type OIDs (2.5.4.3 = CN, 2.5.4.10 = O) and values, one RDN each. */
export type DistinguishedName = readonly (readonly [type: string, value: string])[];

export interface CertificateExtension {
  readonly id: string;
  readonly critical: boolean;
  /** The DER of the extension's value (wrapped in an OCTET STRING here). */
  readonly value: Uint8Array;
}

export interface CertificateFields {
  /** Big-endian unsigned serial number (RFC 5280: positive, at most 20 bytes). */
  readonly serial: Uint8Array;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: KeyObject;
  /** The issuer's private key (the subject's own for a self-signed certificate). */
  readonly signingKey: KeyObject;
  readonly extensions: readonly CertificateExtension[];
}

const ECDSA_SHA256 = sequence(objectId('1.2.840.10045.4.3.2'));

function distinguishedName(name: DistinguishedName): Buffer {
  return sequence(...name.map(([type, value]) => set(sequence(objectId(type), utf8String(value)))));
}

function extension({ id, critical, value }: CertificateExtension): Buffer {
  return critical ? sequence(objectId(id), boolean(true), octetString(value)) : sequence(objectId(id), octetString(value));
}

/** The DER of a certificate with `fields`, signed by `fields.signingKey`. */
export function writeCertificate(fields: CertificateFields): Buffer {
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(fields.serial),
    ECDSA_SHA256,
    distinguishedName(fields.issuer),
    sequence(time(fields.notBefore), time(fields.notAfter)),
    distinguishedName(fields.subject),
    fields.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...fields.extensions.map(extension))),
  );
  const signature = sign('sha256', tbs, { key: fields.signingKey, dsaEncoding: 'der' });
  return sequence(tbs, ECDSA_SHA256, bitString(signature));
}

/** basicConstraints (2.5.29.19, critical): a CA or an end entity. */
export function basicConstraints(ca: boolean): CertificateExtension {
  return { id: '2.5.29.19', critical: true, value: ca ? sequence(boolean(true)) : sequence() };
}

/** keyUsage (2.5.29.15, critical): the first byte of the bit string, with its unused trailing bits. */
export function keyUsage(bits: number, unusedBits: number): CertificateExtension {
  return { id: '2.5.29.15', critical: true, value: bitString(Buffer.from([bits]), unusedBits) };
}

/** extKeyUsage (2.5.29.37): purposes by OID (1.3.6.1.5.5.7.3.1 server auth, .2 client auth). */
export function extendedKeyUsage(purposes: readonly string[]): CertificateExtension {
  return { id: '2.5.29.37', critical: false, value: sequence(...purposes.map(objectId)) };
}

/** subjectAltName (2.5.29.17): DNS names, then IPv4 addresses. */
export function subjectAltName(names: { readonly dnsNames?: readonly string[]; readonly ipAddresses?: readonly string[] }): CertificateExtension {
  const dns = (names.dnsNames ?? []).map((name) => tlv(0x82, Buffer.from(name, 'ascii')));
  const ips = (names.ipAddresses ?? []).map((ip) => tlv(0x87, Buffer.from(ip.split('.').map(Number))));
  return { id: '2.5.29.17', critical: false, value: sequence(...dns, ...ips) };
}

/** PEM armour of DER bytes (64-character lines). */
export function pem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${body.trimEnd()}\n-----END ${label}-----\n`;
}
