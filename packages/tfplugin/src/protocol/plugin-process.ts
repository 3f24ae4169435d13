import { writeSync } from 'node:fs';
import { basename } from 'node:path';
import { HandshakeError } from './handshake.js';
import type { ProviderService } from './generated/messages.js';
import { createLogger, levelFromEnv, type Logger } from './logger.js';
import { startPluginServer, type RunningPlugin } from './plugin-server.js';

export interface PluginProcessOptions {
  /** Provider source address used for debug mode, e.g. registry.terraform.io/hikube/hikube. */
  readonly address: string;
  readonly handlers: (logger: Logger) => ProviderService;
  readonly argv?: readonly string[];
}

/**
 * Process-level duties of a plugin: stdout reserved for the handshake, SIGINT ignored (Terraform
 * sends StopProvider instead), exit when orphaned, and a clear message when run by hand.
 */
export async function runPluginProcess(options: PluginProcessOptions): Promise<RunningPlugin | undefined> {
  // Recorded first thing: if Terraform dies, we are reparented and leave (see below).
  const parent = process.ppid;
  const argv = options.argv ?? process.argv.slice(2);
  const debug = argv.includes('--debug');
  const executableName = basename(process.argv[1] ?? 'terraform-provider');
  const logger = createLogger({ level: debug ? 'debug' : levelFromEnv(process.env), name: `provider.${executableName}` });

  // Anything on stdout before the handshake breaks Terraform's parser: route console output to stderr.
  const toStderr = (...args: unknown[]): void => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;

  // Handlers first: a signal arriving right after the handshake must still find them, or Node's
  // default action kills us and leaves the socket file behind.
  let running: RunningPlugin | undefined;
  const leave = (): void => {
    running?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', leave);
  if (debug) process.on('SIGINT', leave);
  else process.on('SIGINT', () => logger.debug('ignoring SIGINT; Terraform sends StopProvider'));
  try {
    running = await startPluginServer({
      handlers: options.handlers(logger),
      logger,
      executableName,
      ...(debug ? { debugAddress: options.address } : {}),
    });
    if (!debug) {
      // If Terraform dies without Shutdown, we get reparented: leave rather than linger.
      setInterval(() => {
        if (process.ppid !== parent) leave();
      }, 1000).unref();
    }
    return running;
  } catch (err) {
    const message = err instanceof HandshakeError ? err.message : `failed to start the plugin server: ${err instanceof Error ? err.message : String(err)}`;
    writeSync(2, `${message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}
