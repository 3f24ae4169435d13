import { randomBytes } from 'node:crypto';
import { rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Grpc from '@grpc/grpc-js';
import { generateCertificate, handshakeCertField } from './certificate.js';
import { checkLaunchEnvironment, handshakeLine, reattachValue, type ListenAddress } from './handshake.js';
import type { ProviderService } from './generated/messages.js';
import { serviceDefinition } from './grpc-services.js';
import type { Logger } from './logger.js';

const MAX_MESSAGE = 256 << 20;

export interface PluginServerOptions {
  readonly handlers: ProviderService;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Name used in the "run by hand" message, e.g. terraform-provider-example. */
  readonly executableName?: string;
  /** Debug mode: no cookie, plaintext, prints TF_REATTACH_PROVIDERS for this provider source address. */
  readonly debugAddress?: string;
  /** Called after GRPCController.Shutdown has been answered and the server stopped. Default: exit(0). */
  readonly onShutdown?: () => void;
  /** Where the handshake (or debug banner) goes; default stdout, written synchronously. */
  readonly writeStdout?: (text: string) => void;
}

export interface RunningPlugin {
  readonly listen: ListenAddress;
  stop(): void;
}

function unaryHandler(grpc: typeof Grpc, logger: Logger, name: string, fn: (req: never) => Promise<unknown>): Grpc.handleUnaryCall<unknown, unknown> {
  return (call, callback) => {
    fn(call.request as never).then(
      (response) => callback(null, response),
      (err: unknown) => {
        // The framework turns failures into diagnostics; reaching here means a protocol-level bug.
        logger.error('rpc failed', { rpc: name, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        callback({ code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) });
      },
    );
  };
}

/**
 * Runs the go-plugin side of a Terraform provider: environment checks, AutoMTLS, gRPC services on
 * a unix socket, the handshake line on stdout, and a clean exit on GRPCController.Shutdown.
 */
export async function startPluginServer(options: PluginServerOptions): Promise<RunningPlugin> {
  const env = options.env ?? process.env;
  const debug = options.debugAddress !== undefined;
  const writeStdout = options.writeStdout ?? ((text: string) => void writeSync(1, text));
  if (!debug) checkLaunchEnvironment(env, options.executableName ?? 'this program');

  const clientCertPem = debug ? undefined : env['PLUGIN_CLIENT_CERT'];
  // Key generation runs on the libuv pool while grpc-js loads.
  const certPromise = clientCertPem ? generateCertificate() : undefined;
  const grpc = await import('@grpc/grpc-js');
  const cert = await certPromise;

  const credentials =
    cert && clientCertPem
      ? grpc.ServerCredentials.createSsl(Buffer.from(clientCertPem), [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }], true)
      : grpc.ServerCredentials.createInsecure();
  const server = new grpc.Server({ 'grpc.max_receive_message_length': MAX_MESSAGE, 'grpc.max_send_message_length': MAX_MESSAGE });

  const providerImpl: Record<string, Grpc.UntypedHandleCall> = {};
  for (const [name, fn] of Object.entries(options.handlers)) {
    if (typeof fn === 'function') providerImpl[name] = unaryHandler(grpc, options.logger, name, fn.bind(options.handlers));
  }
  server.addService(serviceDefinition('tfplugin6.Provider'), providerImpl);

  const openStreams = new Set<{ end(): void }>();
  let stopped = false;
  const socketPath = join(env['PLUGIN_UNIX_SOCKET_DIR'] || tmpdir(), `plugin${randomBytes(6).toString('hex')}`);
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const stream of openStreams) stream.end();
    server.forceShutdown();
    rmSync(socketPath, { force: true });
  };

  server.addService(serviceDefinition('plugin.GRPCController'), {
    Shutdown: (_call: unknown, callback: Grpc.sendUnaryData<unknown>) => {
      options.logger.debug('shutdown requested');
      callback(null, {});
      setImmediate(() => {
        stop();
        (options.onShutdown ?? (() => process.exit(0)))();
      });
    },
  });
  server.addService(serviceDefinition('plugin.GRPCStdio'), {
    // Kept open and silent: anything streamed here Terraform logs as unexpected data.
    StreamStdio: (call: Grpc.ServerWritableStream<unknown, unknown>) => {
      openStreams.add(call);
      call.on('cancelled', () => openStreams.delete(call));
    },
  });
  server.addService(serviceDefinition('plugin.GRPCBroker'), {
    StartStream: (call: Grpc.ServerDuplexStream<unknown, unknown>) => {
      openStreams.add(call);
      call.on('data', () => undefined);
      call.on('end', () => call.end());
      call.on('cancelled', () => openStreams.delete(call));
    },
  });
  server.addService(serviceDefinition('grpc.health.v1.Health'), {
    Check: (call: Grpc.ServerUnaryCall<{ service?: string }, unknown>, callback: Grpc.sendUnaryData<unknown>) => {
      const service = call.request.service ?? '';
      callback(null, { status: service === '' || service === 'plugin' ? 1 : 3 });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix:${socketPath}`, credentials, (err) => (err ? reject(err) : resolve()));
  });
  const listen: ListenAddress = { network: 'unix', address: socketPath };

  if (debug) {
    writeStdout(
      `Provider started. To attach Terraform, set TF_REATTACH_PROVIDERS in the shell that runs terraform:\n\n` +
        `\tTF_REATTACH_PROVIDERS='${reattachValue({ address: options.debugAddress as string, pid: process.pid, listen })}'\n`,
    );
  } else {
    writeStdout(handshakeLine(listen, cert ? handshakeCertField(cert) : ''));
  }
  options.logger.debug('plugin server listening', { network: listen.network, address: listen.address, tls: cert !== undefined });
  return { listen, stop };
}
