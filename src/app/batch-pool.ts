import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchDocumentOptions, BatchDocumentResult } from './batch-document.js';
import type { BatchDocument } from './batch-plan.js';

// A fixed pool of worker threads, one document at a time each. A thread that dies (a crash, memory
// exhausted) fails only the document it held; a fresh thread takes its place.

export interface WorkerTask {
  document: BatchDocument;
  options: BatchDocumentOptions;
}

/** How a document went; `ms` is the time spent on it where it was aligned. */
export type DocumentOutcome =
  | { ok: true; result: BatchDocumentResult; ms?: number }
  | {
      ok: false;
      reason: string;
      ms?: number /** Not the document's fault: a retry may pass. */;
      internal?: boolean;
    };

export type WorkerReply = DocumentOutcome & { id: string };

/** A thread's first message: its aligner is loaded (batch-worker.ts warms it up as it starts). */
export interface WorkerReady {
  ready: true;
}

interface Slot {
  worker: Worker;
  settle?: (outcome: DocumentOutcome) => void;
  /** Resolved by the thread's WorkerReady, or by its death. */
  warm: Promise<void>;
}

/**
 * The worker's entry. Built code runs dist/app/batch-worker.js; from the sources (tests, benchmarks
 * under tsx) the thread first registers tsx's loader, which a worker does not inherit.
 */
function startWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./batch-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSources) return new Worker(entry);
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private closing = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.release(this.addSlot());
  }

  private addSlot(): Slot {
    let warmed = () => {};
    const slot: Slot = { worker: startWorker(), warm: new Promise((resolve) => (warmed = resolve)) };
    slot.worker.on('message', (reply: WorkerReply | WorkerReady) => {
      if ('ready' in reply) return warmed();
      const settle = slot.settle;
      slot.settle = undefined;
      const { id: _id, ...outcome } = reply;
      settle?.(outcome);
      this.release(slot);
    });
    const onDeath = (why: string) => {
      warmed();
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      const idleAt = this.idle.indexOf(slot);
      if (idleAt >= 0) this.idle.splice(idleAt, 1);
      const settle = slot.settle;
      slot.settle = undefined;
      if (settle) settle({ ok: false, reason: `the worker thread died: ${why}`, internal: true });
      if (!this.closing) this.release(this.addSlot());
    };
    slot.worker.on('error', (error) => onDeath(error.message));
    slot.worker.on('exit', (code) => onDeath(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot): void {
    if (!this.slots.includes(slot)) return;
    const next = this.waiting.shift();
    if (next) next(slot);
    else if (!this.idle.includes(slot)) this.idle.push(slot);
  }

  /**
   * Resolves when every thread has loaded the aligner: a queue worker waits for it before it takes
   * jobs. Documents may be sent before; they wait in the thread's port.
   */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.warm));
  }

  /** Aligns one document on the next free thread. Never rejects: a failure is an outcome. */
  async run(document: BatchDocument, options: BatchDocumentOptions): Promise<DocumentOutcome> {
    const task: WorkerTask = { document, options };
    const slot = this.idle.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    return new Promise((resolve) => {
      slot.settle = resolve;
      slot.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
