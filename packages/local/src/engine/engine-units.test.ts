import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lsnDiff, parseLsn } from './lsn.js';
import { PgConfValueError } from './errors.js';
import { renderConf, renderInstanceConf } from './pg-conf.js';
import { scramVerifier, verifierMatches } from './scram-verifier.js';
import { createExtensionStatement } from './sql-roles.js';
import { slotNameFor } from './pg-replication.js';
import { TcpProxy } from './tcp-proxy.js';
import { socketDirFor } from './pg-instance.js';

describe('lsn', () => {
  it.each([
    { given: '0/0', want: 0n },
    { given: '0/16B3748', want: 0x16b3748n },
    { given: '1/0', want: 1n << 32n },
    { given: 'nonsense', want: undefined },
    { given: null, want: undefined },
  ])('parses $given', ({ given, want }) => expect(parseLsn(given)).toBe(want));

  it('measures the distance between two positions', () => {
    expect(lsnDiff('0/3000100', '0/3000000')).toBe(256);
    expect(lsnDiff('0/1', null)).toBeUndefined();
  });
});

describe('managed configuration files', () => {
  it('quotes values and sorts keys', () => {
    expect(renderConf({ work_mem: '4MB', application_name: "it's" })).toBe(
      "# managed by hikube-local; rewritten on every reconcile\napplication_name = 'it''s'\nwork_mem = '4MB'\n",
    );
  });

  it('rejects a parameter name that could inject configuration', () => {
    expect(() => renderConf({ 'a = 1\nb': 'x' })).toThrow(/invalid PostgreSQL parameter name/);
  });

  // issue 18 row 4: a newline in a value wrote a file the next restart died on
  it.each([
    { name: 'a newline', value: "on'\nshared_preload_libraries = 'x" },
    { name: 'a carriage return', value: 'a\rb' },
    { name: 'a NUL', value: 'a\u0000b' },
    { name: 'DEL', value: 'a\u007fb' },
  ])('refuses a value with $name, without echoing it', ({ value }) => {
    const error = ((): unknown => {
      try {
        renderConf({ application_name: value });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PgConfValueError);
    expect(error).toMatchObject({ code: 'HIKUBE_PG_CONF_INVALID', parameter: 'application_name' });
    expect((error as Error).message).not.toContain(value);
  });

  it('renders a standby upstream', () => {
    const text = renderInstanceConf({
      upstream: { host: '/tmp/x/run', port: 5433, user: 'streaming_replica', applicationName: 'postgres-a-2', slotName: 'hikube_postgres_a_2' },
    });
    expect(text).toContain("primary_conninfo = 'host=''/tmp/x/run'' port=5433 user=''streaming_replica'' application_name=''postgres-a-2'' connect_timeout=2'");
    expect(text).toContain("primary_slot_name = 'hikube_postgres_a_2'");
    expect(text).toContain("synchronous_standby_names = ''");
  });
});

describe('names', () => {
  it.each([
    { given: 'postgres-demo-2', want: 'hikube_postgres_demo_2' },
    { given: 'Pg.One', want: 'hikube_pg_one' },
  ])('slot name for $given', ({ given, want }) => expect(slotNameFor(given)).toBe(want));

  // As the chart's init script writes them: unquoted, so `uuid-ossp` fails and `HStore` means hstore.
  it.each([
    { given: 'pg_trgm', want: 'CREATE EXTENSION IF NOT EXISTS pg_trgm' },
    { given: 'uuid-ossp', want: 'CREATE EXTENSION IF NOT EXISTS uuid-ossp' },
    { given: 'HStore', want: 'CREATE EXTENSION IF NOT EXISTS HStore' },
  ])('creates extension $given unquoted', ({ given, want }) => expect(createExtensionStatement(given)).toBe(want));

  it.each(['x; DROP TABLE t', 'a b', '"q"', ''])('refuses the extension name %j', (given) => {
    expect(() => createExtensionStatement(given)).toThrow(/letters, digits and -._/);
  });
});

describe('unix socket directory', () => {
  it('stays inside a short instance directory', () => {
    expect(socketDirFor('/tmp/x/postgres-a-1')).toBe('/tmp/x/postgres-a-1/run');
  });
  it('moves to a short stable directory when the path would exceed 107 bytes', () => {
    const deep = `/tmp/${'d'.repeat(100)}/postgres-a-1`;
    expect(socketDirFor(deep)).toMatch(/\/hikube-pg-[0-9a-f]{16}$/);
    expect(socketDirFor(deep)).toBe(socketDirFor(deep));
  });
});

describe('scram verifier', () => {
  it('matches its own password and nothing else, and never contains it', () => {
    const v = scramVerifier('s3cret-password');
    expect(v).toMatch(/^SCRAM-SHA-256\$4096:[^$]+\$[^:]+:.+$/);
    expect(v).not.toContain('s3cret-password');
    expect(verifierMatches(v, 's3cret-password')).toBe(true);
    expect(verifierMatches(v, 'other')).toBe(false);
    expect(verifierMatches('md5abc', 's3cret-password')).toBe(false);
    expect(verifierMatches(null, 'x')).toBe(false);
  });
});

describe('tcp proxy (real sockets on 127.0.0.1)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  async function nameServer(name: string): Promise<number> {
    const srv = net.createServer((s) => {
      s.on('error', () => undefined);
      s.end(name);
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise((r) => srv.close(() => r())));
    const a = srv.address();
    return typeof a === 'object' && a ? a.port : 0;
  }

  function ask(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port });
      let out = '';
      s.on('data', (d) => (out += d.toString()));
      s.on('close', () => resolve(out));
      s.on('error', reject);
    });
  }

  it('spreads connections round-robin and follows a retarget', async () => {
    const a = await nameServer('a');
    const b = await nameServer('b');
    const proxy = await TcpProxy.listen();
    closers.push(() => proxy.close());
    proxy.setTargets([a, b]);
    const seen = [await ask(proxy.port), await ask(proxy.port), await ask(proxy.port), await ask(proxy.port)];
    expect([...seen].sort()).toEqual(['a', 'a', 'b', 'b']);
    proxy.setTargets([b]);
    expect(await ask(proxy.port)).toBe('b');
  });

  it('holds a client while there is no target, then serves it', async () => {
    const a = await nameServer('a');
    const proxy = await TcpProxy.listen({ waitForTargetMs: 5_000 });
    closers.push(() => proxy.close());
    const pending = ask(proxy.port);
    setTimeout(() => proxy.setTargets([a]), 50);
    expect(await pending).toBe('a');
  });

  it('disconnects a client when no target appears in time', async () => {
    const proxy = await TcpProxy.listen({ waitForTargetMs: 50 });
    closers.push(() => proxy.close());
    expect(await ask(proxy.port)).toBe('');
  });
});
