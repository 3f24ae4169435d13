import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCertificate, handshakeCertField } from './certificate.js';
import { checkLaunchEnvironment, handshakeLine, HandshakeError, MAGIC_COOKIE_VALUE, parseHandshakeLine, reattachValue } from './handshake.js';
import { hclogTimestamp, levelFromEnv } from './logger.js';

describe('certificate', () => {
  it('is what Go verifies: SAN localhost, CA, positive serial, server+client EKU, valid now', async () => {
    for (let i = 0; i < 5; i++) {
      const cert = await generateCertificate();
      const x = new X509Certificate(cert.der);
      expect(x.checkHost('localhost')).toBe('localhost');
      expect(x.ca).toBe(true);
      expect(x.verify(x.publicKey)).toBe(true);
      expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1']);
      expect(Number.parseInt(x.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
      expect(new Date(x.validFrom).getTime()).toBeLessThan(Date.now());
      const field = handshakeCertField(cert);
      expect(field).not.toContain('=');
      expect(Buffer.from(field, 'base64').equals(cert.der)).toBe(true);
    }
  });
});

describe('handshake', () => {
  it('formats and parses the go-plugin line', async () => {
    const cert = await generateCertificate();
    const line = handshakeLine({ network: 'unix', address: '/tmp/plugin1' }, handshakeCertField(cert));
    expect(line).toMatch(/^1\|6\|unix\|\/tmp\/plugin1\|grpc\|[A-Za-z0-9+/]{60,}\n$/);
    expect(parseHandshakeLine(line).serverCertDer?.equals(cert.der)).toBe(true);
  });

  const envCases = [
    { name: 'no cookie', env: {}, code: 'TFPLUGIN_NOT_LAUNCHED_BY_TERRAFORM' },
    { name: 'wrong cookie', env: { TF_PLUGIN_MAGIC_COOKIE: 'x' }, code: 'TFPLUGIN_NOT_LAUNCHED_BY_TERRAFORM' },
    { name: 'protocol 5 only', env: { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5' }, code: 'TFPLUGIN_PROTOCOL_UNSUPPORTED' },
    { name: 'versions in any order', env: { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6,5' }, code: undefined },
  ];
  it.each(envCases)('launch environment: $name', ({ env, code }) => {
    let caught: unknown;
    try {
      checkLaunchEnvironment(env, 'terraform-provider-x');
    } catch (err) {
      caught = err;
    }
    if (code === undefined) expect(caught).toBeUndefined();
    else {
      expect(caught).toBeInstanceOf(HandshakeError);
      expect((caught as HandshakeError).code).toBe(code);
    }
  });

  it('prints a TF_REATTACH_PROVIDERS value Terraform understands', () => {
    const value = JSON.parse(reattachValue({ address: 'registry.terraform.io/acme/x', pid: 42, listen: { network: 'unix', address: '/tmp/p' } }));
    expect(value).toEqual({
      'registry.terraform.io/acme/x': { Protocol: 'grpc', ProtocolVersion: 6, Pid: 42, Test: true, Addr: { Network: 'unix', String: '/tmp/p' } },
    });
  });
});

describe('logger', () => {
  it('uses six fractional digits in @timestamp', () => {
    expect(hclogTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });
  const levels = [
    { env: {}, want: 'off' },
    { env: { TF_LOG: 'DEBUG' }, want: 'debug' },
    { env: { TF_LOG: 'DEBUG', TF_LOG_PROVIDER: 'ERROR' }, want: 'error' },
    { env: { TF_LOG: 'JSON' }, want: 'trace' },
  ];
  it.each(levels)('level from $env', ({ env, want }) => {
    expect(levelFromEnv(env)).toBe(want);
  });
});
