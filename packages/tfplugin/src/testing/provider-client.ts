import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type * as Grpc from '@grpc/grpc-js';
import { generateCertificate } from '../protocol/certificate.js';
import type { CtyType } from '../protocol/cty-type.js';
import { typeFromJson } from '../protocol/cty-type.js';
import type { CtyValue } from '../protocol/cty-value.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, parseHandshakeLine, type ParsedHandshake } from '../protocol/handshake.js';
import type { DynamicValue, GetProviderSchemaResponse, ProviderService, SchemaBlock } from '../protocol/generated/messages.js';
import { serviceDefinition } from '../protocol/grpc-services.js';
import { decodeMsgpack, encodeMsgpack } from '../protocol/msgpack-codec.js';

// A direct tfplugin6 client for the protocol edge cases Terraform rarely produces: it launches a
// provider the way Terraform does (cookie, AutoMTLS client certificate), parses the handshake
// line like go-plugin, and then lets a test send any request, concurrently or malformed.

export class ProviderClientError extends Error {
  constructor(
    readonly code: 'TFPLUGIN_CLIENT_HANDSHAKE' | 'TFPLUGIN_CLIENT_EXITED',
    message: string,
  ) {
    super(message);
    this.name = 'ProviderClientError';
  }
}

export interface LaunchOptions {
  /** argv of the provider, e.g. [process.execPath, bundlePath]. */
  readonly command: readonly [string, ...string[]];
  readonly env?: Readonly<Record<string, string>>;
  /** Default true: AutoMTLS as Terraform does; false behaves like TF_DISABLE_PLUGIN_TLS. */
  readonly tls?: boolean;
  /** Milliseconds to wait for the handshake line; default 10 s. */
  readonly handshakeTimeoutMs?: number;
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

type Rpc = keyof ProviderService;
type RequestOf<M extends Rpc> = Parameters<NonNullable<ProviderService[M]>>[0];
type ResponseOf<M extends Rpc> = Awaited<ReturnType<NonNullable<ProviderService[M]>>>;

function blockType(block: SchemaBlock | undefined): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const a of block?.attributes ?? []) {
    if (a.type && a.type.length) attributes[a.name ?? ''] = typeFromJson(JSON.parse(Buffer.from(a.type).toString('utf8')));
    else if (a.nestedType) {
      const inner = blockType({ attributes: a.nestedType.attributes ?? [] });
      const n = a.nestedType.nesting ?? 1;
      attributes[a.name ?? ''] = n === 1 ? inner : { kind: (['list', 'set', 'map'] as const)[n - 2] ?? 'list', element: inner };
    }
  }
  for (const b of block?.blockTypes ?? []) {
    const inner = blockType(b.block);
    const n = b.nesting ?? 1;
    attributes[b.typeName ?? ''] = n === 1 || n === 5 ? inner : { kind: (['list', 'set', 'map'] as const)[n - 2] ?? 'list', element: inner };
  }
  return { kind: 'object', attributes };
}

/** A launched provider process and a gRPC connection to it. */
export class ProviderClient {
  stderr = '';
  readonly exited: Promise<ProcessExit>;
  private schemaCache: GetProviderSchemaResponse | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly handshake: ParsedHandshake,
    private readonly grpc: typeof Grpc,
    private readonly provider: Grpc.Client,
    private readonly controller: Grpc.Client,
    private readonly health: Grpc.Client,
    exited: Promise<ProcessExit>,
  ) {
    this.exited = exited;
  }

  static async launch(options: LaunchOptions): Promise<ProviderClient> {
    const grpc = await import('@grpc/grpc-js');
    const tls = options.tls ?? true;
    const clientCert = tls ? await generateCertificate() : undefined;
    const [cmd, ...args] = options.command;
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: '5,6',
        ...(clientCert ? { PLUGIN_CLIENT_CERT: clientCert.certPem } : {}),
        ...options.env,
      },
    });
    const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () =>
          reject(
            new ProviderClientError('TFPLUGIN_CLIENT_HANDSHAKE', `no handshake line within ${options.handshakeTimeoutMs ?? 10_000} ms; stderr: ${stderr}`),
          ),
        options.handshakeTimeoutMs ?? 10_000,
      );
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const nl = out.indexOf('\n');
        if (nl >= 0) {
          clearTimeout(timer);
          resolve(out.slice(0, nl + 1));
        }
      });
      void exited.then((e) => {
        clearTimeout(timer);
        reject(new ProviderClientError('TFPLUGIN_CLIENT_EXITED', `plugin exited (${e.code ?? e.signal}) before the handshake; stderr: ${stderr}`));
      });
    });
    const handshake = parseHandshakeLine(line);
    if (handshake.core !== 1 || handshake.app !== 6 || handshake.protocol !== 'grpc')
      throw new ProviderClientError('TFPLUGIN_CLIENT_HANDSHAKE', `unexpected handshake ${line.trim()}`);
    let creds: Grpc.ChannelCredentials;
    if (clientCert) {
      if (!handshake.serverCertDer) throw new ProviderClientError('TFPLUGIN_CLIENT_HANDSHAKE', 'TLS was requested but the handshake has no server certificate');
      const serverPem = `-----BEGIN CERTIFICATE-----\n${handshake.serverCertDer.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
      creds = grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(clientCert.keyPem), Buffer.from(clientCert.certPem));
    } else creds = grpc.credentials.createInsecure();
    const target = handshake.network === 'unix' ? `unix:${handshake.address}` : handshake.address;
    const channelOptions = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost', 'grpc.max_receive_message_length': -1 };
    const make = (service: string): Grpc.Client => new (grpc.makeGenericClientConstructor(serviceDefinition(service), service))(target, creds, channelOptions);
    const client = new ProviderClient(child, handshake, grpc, make('tfplugin6.Provider'), make('plugin.GRPCController'), make('grpc.health.v1.Health'), exited);
    child.stderr?.on('data', (chunk: string) => (client.stderr += chunk));
    client.stderr = stderr;
    return client;
  }

  private unary<T>(client: Grpc.Client, method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      (client as unknown as Record<string, (req: unknown, cb: (err: Grpc.ServiceError | null, res: T) => void) => void>)[method]?.(request, (err, res) =>
        err ? reject(err) : resolve(res),
      );
    });
  }

  /** Calls any tfplugin6.Provider RPC. */
  call<M extends Rpc>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    return this.unary(this.provider, method, request);
  }

  healthCheck(service = 'plugin'): Promise<{ status?: number }> {
    return this.unary(this.health, 'Check', { service });
  }

  async schema(): Promise<GetProviderSchemaResponse> {
    return (this.schemaCache ??= await this.call('GetProviderSchema', {}));
  }

  /** The implied object type of a resource (or `data.<name>`, `ephemeral.<name>`, `provider`) from the served schema. */
  async typeOf(name: string): Promise<CtyType> {
    const s = await this.schema();
    const schema =
      name === 'provider'
        ? s.provider
        : name.startsWith('data.')
          ? s.dataSourceSchemas?.[name.slice(5)]
          : name.startsWith('ephemeral.')
            ? s.ephemeralResourceSchemas?.[name.slice(10)]
            : s.resourceSchemas?.[name];
    if (!schema) throw new Error(`no schema named ${name}`);
    return blockType(schema.block);
  }

  /** Encodes a value for a request field. */
  async value(name: string, value: CtyValue): Promise<DynamicValue> {
    return { msgpack: encodeMsgpack(await this.typeOf(name), value) };
  }

  /** Decodes a response field. */
  async decode(name: string, dv: DynamicValue | undefined): Promise<CtyValue> {
    return dv?.msgpack?.length ? decodeMsgpack(await this.typeOf(name), dv.msgpack) : null;
  }

  /** GRPCController.Shutdown, as Terraform does at the end, then waits for the exit. */
  async shutdown(): Promise<ProcessExit> {
    await this.unary(this.controller, 'Shutdown', {}).catch(() => undefined);
    this.close();
    return this.exited;
  }

  socketExists(): boolean {
    return this.handshake.network === 'unix' && existsSync(this.handshake.address);
  }

  close(): void {
    this.provider.close();
    this.controller.close();
    this.health.close();
  }

  /** SIGKILL, as Terraform does after its 2 s grace period. */
  async kill(): Promise<ProcessExit> {
    this.close();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  get status(): typeof Grpc.status {
    return this.grpc.status;
  }
}
