import { parentPort } from 'node:worker_threads';
import { isBitextError } from '../core/errors.js';
import { alignBatchDocument, warmUpAligner } from './batch-document.js';
import type { WorkerReady, WorkerReply, WorkerTask } from './batch-pool.js';
import { failureReason } from './batch-report.js';

// A worker thread of a local batch: aligns the documents the pool sends, one at a time.
const port = parentPort;
if (!port) throw new Error('batch-worker.ts runs as a worker thread (see batch-pool.ts)');
port.on('message', async (task: WorkerTask) => {
  const started = performance.now();
  let reply: WorkerReply;
  try {
    const result = await alignBatchDocument(task.document, task.options);
    reply = { id: task.document.id, ok: true, result, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const internal = !isBitextError(error);
    reply = { id: task.document.id, ok: false, reason: failureReason(error), ms, internal };
  }
  port.postMessage(reply);
});
// Messages wait in the port while this runs; the pool hears `ready` after it (see warmUpAligner).
try {
  warmUpAligner();
} catch {
  // Not fatal here (a dying thread would be replaced, and warm up again): documents report it.
}
port.postMessage({ ready: true } satisfies WorkerReady);
