import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { WorkerPool } from '../app/batch-pool.js';
import { isBitextError } from '../core/errors.js';
import { openStore, type Store } from '../store/open-store.js';
import { isStoreError } from '../store/store-error.js';
import { BATCH_QUEUE, type BatchJobData, type BatchJobResult } from './batch-jobs.js';
import type { WorkerSettings } from './worker-settings.js';

// `bitext worker`: takes batch jobs from the queue and runs them through the same code as a local
// batch's threads (alignBatchDocument). BullMQ delivers at least once, so a job must be harmless
// twice: its output is written by rename (a second run replaces it with the same bytes) and the TM
// knows a document by its content hash (a second store adds nothing).

export class BatchWorker {
  private readonly worker: Worker<BatchJobData, BatchJobResult>;
  private readonly stores = new Map<string, Promise<Store>>();
  /**
   * The documents are aligned on threads, as in a local batch: aligning is synchronous and would
   * otherwise hold the event loop, and with it the renewal of the job's lock, for seconds.
   */
  private readonly pool: WorkerPool;

  constructor(
    connection: Redis,
    private readonly settings: WorkerSettings,
  ) {
    this.pool = new WorkerPool(settings.concurrency);
    this.worker = new Worker<BatchJobData, BatchJobResult>(BATCH_QUEUE, (job) => this.process(job), {
      connection,
      concurrency: settings.concurrency,
      lockDuration: settings.lockMs,
      stalledInterval: settings.stalledIntervalMs,
      // A job whose worker died twice is given up on (a document that kills its worker).
      maxStalledCount: 2,
      // start() runs it once the threads have loaded the aligner.
      autorun: false,
    });
    this.worker.on('error', () => {});
    this.closed = new Promise((resolve) => this.worker.once('closed', () => resolve()));
  }

  /** Resolves when the worker has been closed. */
  readonly closed: Promise<void>;

  /**
   * Takes jobs once the threads have loaded the aligner (about a CPU second each): until then a job
   * is better left to a worker that is ready, and the first one taken is not charged the start-up.
   */
  async start(): Promise<void> {
    await this.pool.ready();
    this.worker.run().catch(() => {});
  }

  private async process(job: Job<BatchJobData, BatchJobResult>): Promise<BatchJobResult> {
    const { document, options, tm } = job.data;
    this.settings.onEvent?.({ kind: 'start', document: document.id });
    await job.updateProgress({ document: document.id, stage: 'align' });
    const outcome = await this.pool.run(document, { ...options, withUnits: tm !== undefined });
    if (!outcome.ok) {
      this.settings.onEvent?.({ kind: 'failed', document: document.id, detail: outcome.reason });
      // The document's own fault (its reason is worded for the user): retrying gives the same answer.
      if (!outcome.internal) throw new UnrecoverableError(outcome.reason);
      throw new Error(outcome.reason);
    }
    const { units, ...result } = outcome.result;
    if (tm !== undefined) {
      await job.updateProgress({ document: document.id, stage: 'store' });
      try {
        const store = await this.store(tm, options.cwd);
        const stored = await store.tm.addDocument(
          { name: document.inputs.join(' + '), contentHash: result.contentHash, kind: 'aligned' },
          units ?? [],
        );
        result.stored = {
          added: stored.added,
          duplicates: stored.duplicates,
          alreadyPresent: stored.alreadyPresent,
        };
      } catch (error) {
        const reason = isBitextError(error) ? error.describe() : (error as Error).message;
        this.settings.onEvent?.({ kind: 'failed', document: document.id, detail: reason });
        // A store fault that is not the user's (STORE_INTERNAL) may pass: retry it.
        if (isBitextError(error) && !(isStoreError(error) && error.code === 'STORE_INTERNAL'))
          throw new UnrecoverableError(reason);
        throw error;
      }
    }
    this.settings.onEvent?.({ kind: 'done', document: document.id, detail: `${result.pairs} pairs` });
    return result;
  }

  private store(location: string, cwd: string): Promise<Store> {
    const key = `${cwd}\n${location}`;
    let store = this.stores.get(key);
    if (!store) {
      store = openStore(location, { mode: 'write', cwd });
      store.catch(() => this.stores.delete(key));
      this.stores.set(key, store);
    }
    return store;
  }

  /** Waits for the jobs in progress, then stops. */
  async close(): Promise<void> {
    await this.worker.close();
    await this.pool.close();
    for (const store of this.stores.values()) await (await store.catch(() => undefined))?.close();
  }
}
