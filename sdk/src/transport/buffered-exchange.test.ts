import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from './buffered-exchange.js';
import { Call, DeadlineReached, Deadlines } from './call-deadline.js';

// The SDK's own undici handler against a real server on 127.0.0.1: each path answers as its name says.

let server: Server;
let origin: string;
/** Paths in the order the server received them, and whether each request's connection closed before its answer. */
const received: { path: string; closedEarly: boolean }[] = [];

function slowly(res: ServerResponse, ms: number, text: string): void {
  const timer = setTimeout(() => res.end(text), ms);
  res.on('close', () => clearTimeout(timer));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const entry = { path: req.url ?? '', closedEarly: false };
    received.push(entry);
    res.on('close', () => {
      if (!res.writableFinished) entry.closedEarly = true;
    });
    res.setHeader('content-type', 'application/json');
    switch (req.url) {
      case '/chunks': {
        // A byte order mark, then "é" split between two chunks, then the rest.
        res.writeHead(200);
        const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"é"}')]);
        res.write(bytes.subarray(0, 13));
        setTimeout(() => res.end(bytes.subarray(13)), 20);
        return;
      }
      case '/empty':
        res.writeHead(204).end();
        return;
      case '/missing':
        res.writeHead(404).end('{"message":"no"}');
        return;
      case '/slow':
        slowly(res, 400, '{"slow":true}');
        return;
      case '/very-slow':
        slowly(res, 10_000, '{}');
        return;
      default:
        res.end('{"ok":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const deadlines = new Deadlines();
const get = (path: string) => ({ origin, path, method: 'GET' as const, headers: { accept: 'application/json' } });

describe('exchange', () => {
  it('reads an answer in several chunks as text, without its byte order mark and with a character split between chunks', async () => {
    const pool = new Pool(origin);
    const call = new Call(undefined, 5_000, deadlines);
    await expect(exchange(pool, get('/chunks'), call)).resolves.toEqual({ statusCode: 200, text: '{"name":"é"}' });
    call.end();
    await pool.close();
  });

  it('gives the status of error and empty answers with their text', async () => {
    const pool = new Pool(origin);
    const call = new Call(undefined, 5_000, deadlines);
    await expect(exchange(pool, get('/missing'), call)).resolves.toEqual({ statusCode: 404, text: '{"message":"no"}' });
    await expect(exchange(pool, get('/empty'), call)).resolves.toEqual({ statusCode: 204, text: '' });
    call.end();
    await pool.close();
  });

  it('rejects at the deadline and closes the connection of the request in flight', async () => {
    const pool = new Pool(origin);
    const call = new Call(undefined, 100, deadlines);
    received.length = 0;
    const started = Date.now();
    await expect(exchange(pool, get('/very-slow'), call)).rejects.toBeInstanceOf(DeadlineReached);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(call.timedOut).toBe(true);
    call.end();
    while (!received[0]?.closedEarly) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual([{ path: '/very-slow', closedEarly: true }]);
    await pool.close();
  });

  it("rejects when the caller's signal aborts", async () => {
    const pool = new Pool(origin);
    const controller = new AbortController();
    const call = new Call(controller.signal, 60_000, deadlines);
    const pending = exchange(pool, get('/very-slow'), call);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(DeadlineReached);
    expect(call.timedOut).toBe(false);
    call.end();
    await pool.destroy();
  });

  it('rejects at the deadline while queued for a connection, and never sends that request', async () => {
    const pool = new Pool(origin, { connections: 1 });
    received.length = 0;
    const first = new Call(undefined, 5_000, deadlines);
    const slow = exchange(pool, get('/slow'), first);
    const queued = new Call(undefined, 100, deadlines);
    await expect(exchange(pool, get('/queued'), queued)).rejects.toBeInstanceOf(DeadlineReached);
    await expect(slow).resolves.toEqual({ statusCode: 200, text: '{"slow":true}' });
    // The connection is free again: a later request goes through, the queued one never went.
    await expect(exchange(pool, get('/after'), first)).resolves.toMatchObject({ statusCode: 200 });
    expect(received.map((entry) => entry.path)).toEqual(['/slow', '/after']);
    first.end();
    queued.end();
    await pool.close();
  });

  it('does not send a request for a call already past its deadline', async () => {
    const pool = new Pool(origin);
    const call = new Call(undefined, 5_000, deadlines);
    call.fire();
    received.length = 0;
    await expect(exchange(pool, get('/ok'), call)).rejects.toBeInstanceOf(DeadlineReached);
    expect(received).toEqual([]);
    call.end();
    await pool.close();
  });

  it('rejects with the network error when the server closes the connection without answering', async () => {
    const pool = new Pool(origin);
    const call = new Call(undefined, 5_000, deadlines);
    const pending = exchange(pool, get('/very-slow'), call);
    while (received.at(-1)?.path !== '/very-slow') await new Promise((resolve) => setTimeout(resolve, 10));
    server.closeAllConnections();
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DeadlineReached);
    call.end();
    await pool.close();
  });
});
