import { Worker } from 'node:worker_threads';
import { BitextError, type InputLocation } from '../core/errors.js';
import type { ReadOptions } from '../formats/tmx-read.js';
import type { PreparedBatch } from './index-terms/prepared-units.js';
import type { ImportFormat } from './read-units.js';

export interface WorkerData {
  path: string;
  format: ImportFormat;
  /** What error messages call the file. */
  name: string;
  batchSize: number;
  /** The encoding the user gave (`--encoding`, else the reader detects it) and the zh/en tags. */
  read: ReadOptions;
  /** Batches the worker may post before the main thread has taken them. */
  credit: number;
}

export type WorkerMessage =
  | { type: 'batch'; batch: PreparedBatch }
  | { type: 'done' }
  | { type: 'error'; error: { code?: string; message: string; location?: InputLocation } };

/** Batches the worker may prepare ahead of the inserts: two keep it busy, more only take memory. */
const CREDIT = 2;

/**
 * The prepared batches of a file, read, parsed and prepared by the import worker (import-worker.ts)
 * in another thread. Closing the generator early (an insert failed, the file was already imported)
 * terminates the worker; a reading error in the worker is thrown here as it would be in-thread.
 */
export async function* importInWorker(
  path: string,
  format: ImportFormat,
  name: string,
  batchSize: number,
  read: ReadOptions = {},
): AsyncGenerator<PreparedBatch> {
  const workerData: WorkerData = { path, format, name, batchSize, read, credit: CREDIT };
  // From the sources (tests, tsx) the worker is a .ts file: it first registers tsx's loader (a
  // development dependency, as in this thread), since a worker does not inherit the loader hooks.
  // tsx is resolved here, from this file: an eval'd worker would resolve it from the cwd.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(new URL('./import-worker.ts', import.meta.url).href)}))`,
        { eval: true, workerData },
      )
    : new Worker(new URL('./import-worker.js', import.meta.url), { workerData });
  const queue: WorkerMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let notify: (() => void) | undefined;
  const wake = () => {
    notify?.();
    notify = undefined;
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure ??= error;
    wake();
  });
  worker.on('exit', () => {
    exited = true;
    wake();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure && !exited)
        await new Promise<void>((resolve) => (notify = resolve));
      const message = queue.shift();
      if (!message) throw failure ?? new Error('the import worker stopped without finishing');
      if (message.type === 'done') return;
      if (message.type === 'error') {
        const { code, message: text, location } = message.error;
        throw code ? new BitextError(code, text, location) : new Error(text);
      }
      worker.postMessage(1);
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}
