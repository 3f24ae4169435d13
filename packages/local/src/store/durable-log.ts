// Crash-safe persistence without native addons: an append-only log of JSON lines, fsynced before a
// write is acknowledged (group commit: every record queued during one fsync shares the next), and
// compaction into a snapshot by write-temp + fsync + rename + directory fsync. On load, records at
// or below the snapshot's resourceVersion are skipped, so a crash at any point of compaction is safe;
// a torn last line (a write that was never acknowledged) is cut off. Records carry passwords and
// Secret data: the directory, log and snapshot are owner-only (see private-files.ts).

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, ftruncateSync, existsSync, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir, narrowToPrivate, openPrivate, openPrivateSync } from '../files/private-files.js';
import type { KubeObject } from './kube-object.js';

export type LogRecord = { rv: number; op: 'put'; key: string; obj: KubeObject } | { rv: number; op: 'del'; key: string };

export interface LoadedState {
  rv: number;
  objects: Map<string, KubeObject>;
}

interface Snapshot {
  rv: number;
  objects: Record<string, KubeObject>;
}

const LOG = 'store.log';
const SNAP = 'store.snap';

export class DurableLog {
  private handle: FileHandle | undefined;
  private pending: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private logBytes = 0;
  private snapshotBytes = 0;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly snapshotSource: () => LoadedState,
  ) {}

  /** Reads snapshot + log, repairs a torn tail, and opens the log for appending. */
  static async open(dir: string, snapshotSource: () => LoadedState): Promise<{ log: DurableLog; state: LoadedState }> {
    ensurePrivateDir(dir);
    const log = new DurableLog(dir, snapshotSource);
    const state: LoadedState = { rv: 0, objects: new Map() };
    const snapPath = join(dir, SNAP);
    narrowToPrivate(snapPath);
    if (existsSync(snapPath)) {
      const raw = readFileSync(snapPath, 'utf8');
      log.snapshotBytes = raw.length;
      const snap = JSON.parse(raw) as Snapshot;
      state.rv = snap.rv;
      for (const [k, v] of Object.entries(snap.objects)) state.objects.set(k, v);
    }
    const snapRv = state.rv;
    const logPath = join(dir, LOG);
    if (existsSync(logPath)) {
      const buf = readFileSync(logPath);
      let offset = 0;
      let good = 0;
      while (offset < buf.length) {
        const nl = buf.indexOf(10, offset);
        if (nl < 0) break; // torn tail: never acknowledged
        let rec: LogRecord;
        try {
          rec = JSON.parse(buf.subarray(offset, nl).toString('utf8')) as LogRecord;
        } catch {
          break;
        }
        offset = nl + 1;
        good = offset;
        if (rec.rv <= snapRv) continue;
        state.rv = Math.max(state.rv, rec.rv);
        if (rec.op === 'put') state.objects.set(rec.key, rec.obj);
        else state.objects.delete(rec.key);
      }
      if (good < buf.length) {
        const fd = openSync(logPath, 'r+');
        ftruncateSync(fd, good);
        fsyncSync(fd);
        closeSync(fd);
      }
      log.logBytes = good;
    }
    log.handle = await openPrivate(logPath, 'a');
    return { log, state };
  }

  /** Resolves once the record is on disk. */
  append(record: LogRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(record) + '\n', resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          const data = batch.map((p) => p.line).join('');
          const handle = this.handle;
          if (!handle) throw new Error('store is closed');
          await handle.write(data);
          await handle.datasync();
          this.logBytes += Buffer.byteLength(data);
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
        if (this.logBytes > 4 * 1024 * 1024 && this.logBytes > 2 * this.snapshotBytes) await this.compact();
      }
    } finally {
      this.flushing = undefined;
    }
  }

  /** Snapshot the current state and start an empty log. Runs between batches, so no write races it. */
  private async compact(): Promise<void> {
    const state = this.snapshotSource();
    const snap: Snapshot = { rv: state.rv, objects: Object.fromEntries(state.objects) };
    const text = JSON.stringify(snap);
    const tmp = join(this.dir, SNAP + '.tmp');
    const fd = openPrivateSync(tmp, 'w');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, join(this.dir, SNAP));
    syncDir(this.dir);
    // A crash here leaves old records in the log; they are at or below the snapshot's rv and skipped.
    await this.handle?.close();
    this.handle = await openPrivate(join(this.dir, LOG), 'w');
    await this.handle.datasync();
    this.snapshotBytes = text.length;
    this.logBytes = 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    await this.handle?.close();
    this.handle = undefined;
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
