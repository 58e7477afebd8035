import { parentPort } from 'node:worker_threads';
import { isBitextError } from '../core/errors.js';
import { alignBatchDocument, failureReason } from './batch-document.js';
import type { WorkerReply, WorkerTask } from './batch-pool.js';

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
