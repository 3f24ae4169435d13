import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateFits, createLocalPki, issueServerCertificate, keyMatches } from './certificates.js';

const pki = createLocalPki();
const names = { dnsNames: ['postgres-shop-rw', 'localhost'], ipAddresses: ['127.0.0.1', '127.0.0.7'] };

describe('issueServerCertificate', () => {
  const issued = issueServerCertificate(pki.ca, 'postgres-shop', names);
  const cert = new X509Certificate(issued.certPem);

  it('is signed by the local CA, for exactly the names asked, with its own key', () => {
    expect(cert.verify(new X509Certificate(pki.ca.certPem).publicKey)).toBe(true);
    expect(cert.checkIssued(new X509Certificate(pki.ca.certPem))).toBe(true);
    expect(keyMatches(issued.certPem, issued.keyPem)).toBe(true);
    expect(cert.checkIP('127.0.0.7')).toBe('127.0.0.7');
    expect(cert.checkIP('127.0.0.8')).toBeUndefined();
    expect(cert.checkHost('postgres-shop-rw')).toBe('postgres-shop-rw');
    expect(cert.ca).toBe(false);
  });

  it.each([
    { name: 'the same names', given: { certPem: issued.certPem, ca: pki.ca.certPem, names }, want: true },
    {
      name: 'names in another order',
      given: { certPem: issued.certPem, ca: pki.ca.certPem, names: { dnsNames: ['localhost', 'postgres-shop-rw'], ipAddresses: ['127.0.0.7', '127.0.0.1'] } },
      want: true,
    },
    {
      name: 'an address more (the cluster became external)',
      given: { certPem: issued.certPem, ca: pki.ca.certPem, names: { ...names, ipAddresses: [...names.ipAddresses, '127.0.0.9'] } },
      want: false,
    },
    { name: 'an address less', given: { certPem: issued.certPem, ca: pki.ca.certPem, names: { ...names, ipAddresses: ['127.0.0.1'] } }, want: false },
    { name: 'another CA', given: { certPem: issued.certPem, ca: createLocalPki().ca.certPem, names }, want: false },
    { name: 'not a certificate', given: { certPem: 'garbage', ca: pki.ca.certPem, names }, want: false },
    { name: 'expiring within the margin', given: { certPem: issueServerCertificate(pki.ca, 'x', names, 10).certPem, ca: pki.ca.certPem, names }, want: false },
  ])('certificateFits: $name', ({ given, want }) => {
    expect(certificateFits(given.certPem, given.ca, given.names)).toBe(want);
  });
});
