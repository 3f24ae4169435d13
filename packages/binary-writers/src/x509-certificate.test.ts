import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { basicConstraints, extendedKeyUsage, keyUsage, pem, subjectAltName, writeCertificate } from './x509-certificate.js';

const key = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

describe('writeCertificate', () => {
  const ca = key();
  const server = key();
  const caCert = new X509Certificate(
    pem(
      'CERTIFICATE',
      writeCertificate({
        serial: Buffer.from([0x00, 0x81]),
        issuer: [['2.5.4.3', 'test-ca']],
        subject: [['2.5.4.3', 'test-ca']],
        notBefore: new Date('2026-01-01T00:00:00Z'),
        notAfter: new Date('2051-01-01T00:00:00Z'),
        publicKey: ca.publicKey,
        signingKey: ca.privateKey,
        extensions: [basicConstraints(true), keyUsage(0x06, 1)],
      }),
    ),
  );
  const serverCert = new X509Certificate(
    writeCertificate({
      serial: Buffer.from([0x01, 0x02]),
      issuer: [['2.5.4.3', 'test-ca']],
      subject: [
        ['2.5.4.10', 'Hikube'],
        ['2.5.4.3', 'server'],
      ],
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
      publicKey: server.publicKey,
      signingKey: ca.privateKey,
      extensions: [
        basicConstraints(false),
        keyUsage(0xa0, 5),
        extendedKeyUsage(['1.3.6.1.5.5.7.3.1']),
        subjectAltName({ dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] }),
      ],
    }),
  );

  it('writes a CA certificate OpenSSL reads: self-signed, the serial minimal, validity across 2050', () => {
    expect({ subject: caCert.subject, issuer: caCert.issuer, ca: caCert.ca, serial: caCert.serialNumber }).toEqual({
      subject: 'CN=test-ca',
      issuer: 'CN=test-ca',
      ca: true,
      serial: '81',
    });
    expect(caCert.verify(ca.publicKey)).toBe(true);
    expect([new Date(caCert.validFrom).toISOString(), new Date(caCert.validTo).toISOString()]).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2051-01-01T00:00:00.000Z',
    ]);
  });

  it('writes a server certificate signed by the CA, with its names and purposes', () => {
    expect(serverCert.verify(caCert.publicKey)).toBe(true);
    expect(serverCert.checkIssued(caCert)).toBe(true);
    expect({ subject: serverCert.subject, ca: serverCert.ca, san: serverCert.subjectAltName, usage: serverCert.keyUsage }).toEqual({
      subject: 'O=Hikube\nCN=server',
      ca: false,
      san: 'DNS:localhost, IP Address:127.0.0.1',
      usage: ['1.3.6.1.5.5.7.3.1'],
    });
    expect(serverCert.checkHost('localhost')).toBe('localhost');
    expect(serverCert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });
});
