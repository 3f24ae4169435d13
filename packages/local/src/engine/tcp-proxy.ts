import net from 'node:net';

export interface TcpProxyOptions {
  /** A loopback address; default 127.0.0.1. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** How long a client may wait for a target (during a failover) before it is disconnected. */
  readonly waitForTargetMs?: number;
  /** A server already listening (a port reserved earlier): taken over as it is, no new bind. */
  readonly listening?: net.Server;
}

/**
 * A TCP forwarder on a loopback address (127.0.0.1 unless told) whose targets can change at run time: the rw, ro and r endpoints
 * of a cluster. New connections go round-robin over the targets; when a target is removed its
 * connections are closed (clients reconnect to the new one); while there is no target, or the
 * chosen one refuses, a new client is held until one answers or the wait runs out.
 */
export class TcpProxy {
  readonly #server: net.Server;
  readonly #waitMs: number;
  #targets: number[] = [];
  #next = 0;
  readonly #links = new Map<net.Socket, { client: net.Socket; port: number }>();
  readonly #waiting = new Set<() => void>();
  readonly #clients = new Set<net.Socket>();
  #closed = false;

  private constructor(server: net.Server, waitMs: number) {
    this.#server = server;
    this.#waitMs = waitMs;
  }

  static async listen(options: TcpProxyOptions = {}): Promise<TcpProxy> {
    const server = options.listening ?? net.createServer({ pauseOnConnect: true });
    const proxy = new TcpProxy(server, options.waitForTargetMs ?? 10_000);
    server.removeAllListeners('connection');
    server.on('connection', (client) => proxy.#accept(client));
    if (options.listening !== undefined) return proxy;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return proxy;
  }

  get host(): string {
    const a = this.#server.address();
    return typeof a === 'object' && a ? a.address : '';
  }

  get port(): number {
    const a = this.#server.address();
    return typeof a === 'object' && a ? a.port : 0;
  }

  get targets(): readonly number[] {
    return this.#targets;
  }

  /**
   * Replace the targets new connections go to. Connections to a port no longer a target are
   * closed, unless the port is in `keep` (still fine for sessions already there, e.g. a standby
   * that only missed a probe).
   */
  setTargets(ports: readonly number[], keep: readonly number[] = []): void {
    this.#targets = [...ports];
    for (const [upstream, link] of this.#links) {
      if (!this.#targets.includes(link.port) && !keep.includes(link.port)) {
        upstream.destroy();
        link.client.destroy();
      }
    }
    if (this.#targets.length > 0) for (const wake of [...this.#waiting]) wake();
  }

  #pick(): number | undefined {
    if (this.#targets.length === 0) return undefined;
    const port = this.#targets[this.#next % this.#targets.length];
    this.#next = (this.#next + 1) % Math.max(1, this.#targets.length);
    return port;
  }

  #accept(client: net.Socket): void {
    const deadline = Date.now() + this.#waitMs;
    this.#clients.add(client);
    client.on('error', () => client.destroy());
    client.once('close', () => this.#clients.delete(client));
    const attempt = (): void => {
      if (this.#closed || client.destroyed) return;
      const port = this.#pick();
      if (port === undefined) return wait();
      const upstream = net.connect({ host: '127.0.0.1', port });
      upstream.setNoDelay(true);
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        if (client.destroyed || !this.#targets.includes(port)) {
          upstream.destroy();
          return client.destroyed ? undefined : attempt();
        }
        this.#links.set(upstream, { client, port });
        client.setNoDelay(true);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.on('error', () => {
        if (!connected) {
          upstream.destroy();
          if (Date.now() < deadline) setTimeout(attempt, 20).unref();
          else client.destroy();
        }
      });
      upstream.on('close', () => {
        this.#links.delete(upstream);
        if (connected) client.destroy();
      });
      client.once('close', () => upstream.destroy());
    };
    const wait = (): void => {
      const left = deadline - Date.now();
      if (left <= 0) return void client.destroy();
      const wake = (): void => {
        clearTimeout(timer);
        this.#waiting.delete(wake);
        attempt();
      };
      const timer = setTimeout(() => {
        this.#waiting.delete(wake);
        client.destroy();
      }, left);
      timer.unref();
      this.#waiting.add(wake);
    };
    attempt();
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const [upstream, link] of this.#links) {
      upstream.destroy();
      link.client.destroy();
    }
    this.#links.clear();
    for (const c of this.#clients) c.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
