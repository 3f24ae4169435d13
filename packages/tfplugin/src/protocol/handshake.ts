// go-plugin handshake facts (performance-free, pure functions so they are easy to test).

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const CORE_PROTOCOL_VERSION = 1;
const APP_PROTOCOL_VERSION = 6;

export class HandshakeError extends Error {
  constructor(
    readonly code: 'TFPLUGIN_NOT_LAUNCHED_BY_TERRAFORM' | 'TFPLUGIN_PROTOCOL_UNSUPPORTED',
    message: string,
  ) {
    super(message);
    this.name = 'HandshakeError';
  }
}

/** Throws a HandshakeError with a human message unless Terraform launched us. */
export function checkLaunchEnvironment(env: NodeJS.ProcessEnv, executable: string): void {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    throw new HandshakeError(
      'TFPLUGIN_NOT_LAUNCHED_BY_TERRAFORM',
      `${executable} is a Terraform plugin: Terraform starts it itself over its plugin protocol, so there is nothing to do when it is run by hand.\n` +
        'Configure the provider in a Terraform configuration (or a dev_overrides CLI configuration) and run terraform,\n' +
        `or start it with --debug to serve it for TF_REATTACH_PROVIDERS.`,
    );
  }
  const versions = env['PLUGIN_PROTOCOL_VERSIONS'];
  if (
    versions !== undefined &&
    !versions
      .split(',')
      .map((v) => v.trim())
      .includes(String(APP_PROTOCOL_VERSION))
  ) {
    throw new HandshakeError(
      'TFPLUGIN_PROTOCOL_UNSUPPORTED',
      `this provider speaks plugin protocol ${APP_PROTOCOL_VERSION} only, but Terraform offered ${versions}: use Terraform 0.15 or newer.`,
    );
  }
}

export interface ListenAddress {
  readonly network: 'unix' | 'tcp';
  readonly address: string;
}

export function handshakeLine(addr: ListenAddress, certField: string): string {
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|${addr.network}|${addr.address}|grpc|${certField}\n`;
}

export interface ParsedHandshake {
  readonly core: number;
  readonly app: number;
  readonly network: string;
  readonly address: string;
  readonly protocol: string;
  /** DER of the server certificate, when field 6 is present. */
  readonly serverCertDer?: Buffer;
}

/** Parses a handshake line the way go-plugin's client does (used by the test client). */
export function parseHandshakeLine(line: string): ParsedHandshake {
  const parts = line.trim().split('|');
  if (parts.length < 4) throw new Error(`unrecognized handshake line: ${JSON.stringify(line)}`);
  const [core = '', app = '', network = '', address = '', protocol = 'netrpc', cert = ''] = parts;
  if (cert.includes('=')) throw new Error('handshake certificate field must be unpadded base64');
  return {
    core: Number(core),
    app: Number(app),
    network,
    address,
    protocol,
    ...(cert.length > 50 ? { serverCertDer: Buffer.from(cert, 'base64') } : {}),
  };
}

export interface ReattachConfig {
  readonly address: string;
  readonly pid: number;
  readonly listen: ListenAddress;
}

/** The JSON value of TF_REATTACH_PROVIDERS for one provider served in debug mode (plaintext, Test:true). */
export function reattachValue(config: ReattachConfig): string {
  return JSON.stringify({
    [config.address]: {
      Protocol: 'grpc',
      ProtocolVersion: APP_PROTOCOL_VERSION,
      Pid: config.pid,
      Test: true,
      Addr: { Network: config.listen.network, String: config.listen.address },
    },
  });
}
