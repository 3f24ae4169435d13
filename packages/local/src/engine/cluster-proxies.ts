import { listenExternal } from './external-listener.js';
import { TcpProxy } from './tcp-proxy.js';

/** The ports a cluster's endpoints listen on; kept so a restart takes the same ones again. */
export interface ProxyPorts {
  readonly rw: number;
  readonly ro: number;
  readonly r: number;
  readonly external?: number | undefined;
  /** The loopback address asked for the external endpoint (absent: 127.0.0.1). */
  readonly externalAddress?: string | undefined;
}

/** Where each endpoint sends new connections: instance ports, decided by the controller. */
export interface ProxyRoutes {
  /** The primary, when it may take writes (rw and the external endpoint). */
  readonly rw: readonly number[];
  /** Standbys that serve (ro). */
  readonly ready: readonly number[];
  /** Standbys whose open sessions may stay although they are not ready right now. */
  readonly live: readonly number[];
}

/** The rw, ro and r endpoints of one cluster, and its external endpoint when it has one. */
export class ClusterProxies {
  readonly rw: TcpProxy;
  readonly ro: TcpProxy;
  readonly r: TcpProxy;
  #external: TcpProxy | undefined;
  #externalAddress: string | undefined;

  private constructor(rw: TcpProxy, ro: TcpProxy, r: TcpProxy, external: TcpProxy | undefined, externalAddress: string | undefined) {
    this.rw = rw;
    this.ro = ro;
    this.r = r;
    this.#external = external;
    this.#externalAddress = externalAddress;
  }

  /** Listen again on the remembered ports when they are free, else on new ones. */
  static async open(ports: ProxyPorts | undefined): Promise<ClusterProxies> {
    const listen = async (port: number | undefined): Promise<TcpProxy> => {
      if (port) {
        try {
          return await TcpProxy.listen({ port });
        } catch {
          // the old port is taken now; a new one is published in the Service
        }
      }
      return TcpProxy.listen();
    };
    const externalAddress = ports?.external ? (ports.externalAddress ?? '127.0.0.1') : undefined;
    return new ClusterProxies(
      await listen(ports?.rw),
      await listen(ports?.ro),
      await listen(ports?.r),
      externalAddress !== undefined ? await listenExternal(externalAddress, ports?.external) : undefined,
      externalAddress,
    );
  }

  get external(): TcpProxy | undefined {
    return this.#external;
  }

  /** The external endpoint on `address` (see external-listener.ts), or none when undefined. */
  async useExternal(address: string | undefined): Promise<void> {
    if (this.#externalAddress === address) return;
    await this.#external?.close();
    this.#external = address !== undefined ? await listenExternal(address) : undefined;
    this.#externalAddress = address;
  }

  /** Point each endpoint at its instances; an endpoint whose targets did not change is left alone. */
  route(routes: ProxyRoutes): void {
    const { rw, ready, live } = routes;
    if (!sameList(this.rw.targets, rw)) this.rw.setTargets(rw);
    if (this.#external && !sameList(this.#external.targets, rw)) this.#external.setTargets(rw);
    // Sessions on a standby that is merely not ready right now stay; a dead or promoted one's close.
    if (!sameList(this.ro.targets, ready)) this.ro.setTargets(ready, live);
    const any = [...rw, ...ready];
    if (!sameList(this.r.targets, any)) this.r.setTargets(any, [...rw, ...live]);
  }

  /** Fence: no new write reaches the old primary, and its sessions close. */
  fenceWrites(): void {
    this.rw.setTargets([]);
    this.#external?.setTargets([]);
  }

  ports(): ProxyPorts & { readonly externalHost?: string | undefined } {
    return {
      rw: this.rw.port,
      ro: this.ro.port,
      r: this.r.port,
      external: this.#external?.port,
      externalHost: this.#external?.host,
      externalAddress: this.#externalAddress,
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.rw.close(), this.ro.close(), this.r.close(), this.#external?.close()]);
  }
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
