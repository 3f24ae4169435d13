import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tlsFilesIn } from '../../engine/pg-tls-files.js';
import { createLocalPki } from '../../tls/certificates.js';
import { clusterCertificateNames, ensureClusterCertificate } from './cluster-certificate.js';

describe('clusterCertificateNames', () => {
  it.each([
    { name: 'internal cluster', address: undefined, wantIps: ['127.0.0.1'] },
    { name: 'external cluster on its own address', address: '127.0.0.5', wantIps: ['127.0.0.1', '127.0.0.5'] },
    { name: 'external cluster fallen back to 127.0.0.1', address: '127.0.0.1', wantIps: ['127.0.0.1'] },
  ])('$name', ({ address, wantIps }) => {
    const names = clusterCertificateNames('shop', 'tenant-demo', address);
    expect(names.ipAddresses).toEqual(wantIps);
    expect(names.dnsNames).toContain('postgres-shop-rw');
    expect(names.dnsNames).toContain('postgres-shop-external-write.tenant-demo.svc');
  });
});

describe('ensureClusterCertificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-cert-'));
  const files = tlsFilesIn(join(dir, 'tls'));
  const pki = createLocalPki();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('issues once, keeps it while the names hold, issues again when the cluster gets an address or the CA changes', async () => {
    const internal = clusterCertificateNames('shop', 'ns', undefined);
    expect(await ensureClusterCertificate(files, pki.ca, 'postgres-shop', internal, undefined)).toBe(true);
    const first = readFileSync(files.certFile, 'utf8');
    expect(statSync(files.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(files.certFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'tls')).mode & 0o777).toBe(0o700);
    expect(await ensureClusterCertificate(files, pki.ca, 'postgres-shop', internal, undefined)).toBe(false);
    expect(readFileSync(files.certFile, 'utf8')).toBe(first);

    const external = clusterCertificateNames('shop', 'ns', '127.0.0.9');
    expect(await ensureClusterCertificate(files, pki.ca, 'postgres-shop', external, undefined)).toBe(true);
    expect(new X509Certificate(readFileSync(files.certFile, 'utf8')).checkIP('127.0.0.9')).toBe('127.0.0.9');

    const other = createLocalPki();
    expect(await ensureClusterCertificate(files, other.ca, 'postgres-shop', external, undefined)).toBe(true);
    expect(new X509Certificate(readFileSync(files.certFile, 'utf8')).verify(new X509Certificate(other.ca.certPem).publicKey)).toBe(true);
  });
});
