/**
 * The import worker: reads, parses and prepares a file's units (prepareUnits) in its own thread and
 * posts them in batches, while the main thread only inserts them (importInWorker). On a 2-core
 * machine the two halves of an import overlap. At most CREDIT batches are on their way at a time, so
 * memory stays bounded however far the parser could run ahead of the store (SQLite or PostgreSQL).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BitextError } from '../core/errors.js';
import { prepareUnits } from './index-terms/prepared-units.js';
import { readUnits } from './read-units.js';
import type { WorkerData, WorkerMessage } from './worker-import.js';

const port = parentPort!;
const { path, format, name, batchSize, read, credit: initialCredit } = workerData as WorkerData;
let credit = initialCredit;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
  wake = undefined;
});
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  for await (const batch of prepareUnits(readUnits(path, format, name, read), batchSize)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    post({ type: 'batch', batch });
  }
  post({ type: 'done' });
} catch (error) {
  post({
    type: 'error',
    error:
      error instanceof BitextError
        ? { code: error.code, message: error.message, location: error.location }
        : { message: error instanceof Error ? error.message : String(error) },
  });
}
// The main thread terminates the worker once it has read the last message.
