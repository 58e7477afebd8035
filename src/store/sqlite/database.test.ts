import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSqliteDatabase, openSqliteDatabase } from './database.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a TM another process is opening too', () => {
  it('waits for the other to finish writing when both switch a new file to WAL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-open-'));
    const path = join(dir, 'tm.db');
    // Another connection (in a thread: the open below blocks this one) holds the write lock of the
    // new, rollback-journal file, as another process switching it to WAL does for a moment. The
    // switch here upgrades a read lock, which SQLite answers with SQLITE_BUSY at once instead of
    // waiting (STORE_BUSY, which made one of two concurrent `tm import`s fail).
    const committed = new Int32Array(new SharedArrayBuffer(4));
    const other = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const db = new (require(workerData.driver))(workerData.path);
       db.exec('BEGIN IMMEDIATE');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       Atomics.store(workerData.committed, 0, 1);
       db.exec('COMMIT');
       db.close();`,
      {
        eval: true,
        workerData: { path, committed, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
      },
    );
    const exited = new Promise((resolve) => other.once('exit', resolve));
    await new Promise((resolve) => other.once('message', resolve));
    const db = openSqliteDatabase(path);
    // Not timed: whenever this open ran, it could only switch to WAL once the other had committed.
    expect(Atomics.load(committed, 0)).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    closeSqliteDatabase(db);
    await exited;
  });
});
