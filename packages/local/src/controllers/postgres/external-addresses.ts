// On Hikube every external cluster gets a public IPv4 of its own and serves on port 5432 there.
// Locally each one gets a loopback address of its own (127.0.0.2 to 127.0.0.254; 127.0.0.1 stays
// the API's and the internal endpoints'), kept in a small file so it survives a restart of Hikube
// Local and goes back to the pool when the cluster is deleted or stops being external.

import { readFile, rename, writeFile } from 'node:fs/promises';

/** The addresses handed out, lowest first. */
export function loopbackPool(first = 2, last = 254): string[] {
  return Array.from({ length: last - first + 1 }, (_, i) => `127.0.0.${first + i}`);
}

/**
 * The lowest address of `pool` nobody holds: not in `held` (this server's clusters) and not in use
 * on this machine right now, according to `inUse` (another Hikube Local, a service already on
 * 5432). Undefined when every address is held or in use.
 */
export async function pickAddress(
  pool: readonly string[],
  held: ReadonlySet<string>,
  inUse: (address: string) => Promise<boolean>,
): Promise<string | undefined> {
  for (const address of pool) {
    if (held.has(address)) continue;
    if (!(await inUse(address))) return address;
  }
  return undefined;
}

export class NoLoopbackAddressError extends Error {
  readonly code = 'HIKUBE_LOCAL_NO_LOOPBACK_ADDRESS';
  constructor(poolSize: number) {
    super(
      `no loopback address is free for an external cluster (all ${poolSize} of 127.0.0.2-127.0.0.254 ` +
        `are held or in use): delete an external cluster or set external: false`,
    );
    this.name = 'NoLoopbackAddressError';
  }
}

/** The address of every external cluster of one server, by cluster key, persisted in `file` (0600). */
export class ExternalAddresses {
  readonly #file: string;
  readonly #pool: readonly string[];
  readonly #inUse: (address: string) => Promise<boolean>;
  #byCluster: Record<string, string> = {};
  /** Allocations are serialised: two clusters made at once must not get the same address. */
  #chain: Promise<unknown> = Promise.resolve();

  private constructor(file: string, inUse: (address: string) => Promise<boolean>, pool: readonly string[]) {
    this.#file = file;
    this.#inUse = inUse;
    this.#pool = pool;
  }

  static async open(file: string, inUse: (address: string) => Promise<boolean>, pool = loopbackPool()): Promise<ExternalAddresses> {
    const addresses = new ExternalAddresses(file, inUse, pool);
    try {
      addresses.#byCluster = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw err;
    }
    return addresses;
  }

  /** The cluster's address, if it holds one. */
  addressOf(cluster: string): string | undefined {
    return this.#byCluster[cluster];
  }

  /** The cluster's address: the one it holds, else a new one. */
  allocate(cluster: string): Promise<string> {
    return this.#serial(async () => {
      const held = this.#byCluster[cluster];
      if (held !== undefined) return held;
      const address = await pickAddress(this.#pool, new Set(Object.values(this.#byCluster)), this.#inUse);
      if (address === undefined) throw new NoLoopbackAddressError(this.#pool.length);
      this.#byCluster = { ...this.#byCluster, [cluster]: address };
      await this.#save();
      return address;
    });
  }

  /** Give the cluster's address back to the pool (nothing when it holds none). */
  release(cluster: string): Promise<void> {
    return this.#serial(async () => {
      if (!(cluster in this.#byCluster)) return;
      const { [cluster]: _released, ...rest } = this.#byCluster;
      this.#byCluster = rest;
      await this.#save();
    });
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#chain.catch(() => undefined).then(fn);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #save(): Promise<void> {
    const tmp = `${this.#file}.tmp`;
    await writeFile(tmp, `${JSON.stringify(this.#byCluster, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, this.#file);
  }
}
