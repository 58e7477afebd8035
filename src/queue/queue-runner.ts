import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DocumentRunner } from '../app/batch.js';
import type { BatchDocumentOptions } from '../app/batch-document.js';
import type { BatchDocument } from '../app/batch-plan.js';
import type { DocumentOutcome } from '../app/batch-pool.js';
import { fingerprintOf } from '../app/batch-report.js';
import { BATCH_QUEUE, type BatchJobData, type BatchJobResult, batchJobId } from './batch-jobs.js';

/** A job's progress as a worker reports it through BullMQ. */
export interface JobProgress {
  document: string;
  stage: string;
}

/**
 * Runs a batch's documents on queue workers: each document becomes a job (its id derived from the
 * document, so a re-run does not enqueue it twice), and run() resolves when a worker finishes it.
 * Attempts: 3, for a worker that dies or a fault that is not the document's (a bad document fails
 * at once, see queue-worker.ts).
 */
export class QueueRunner implements DocumentRunner {
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly ready: Promise<unknown>;
  private readonly eventsConnection: Redis;

  constructor(
    connection: Redis,
    private readonly settings: { tm?: string; force?: string; onJobProgress?: (p: JobProgress) => void },
  ) {
    this.queue = new Queue(BATCH_QUEUE, { connection });
    // Every document's job is added and awaited at once: a listener each, not a leak.
    this.queue.setMaxListeners(0);
    // QueueEvents blocks its connection reading the event stream: it needs one of its own.
    this.eventsConnection = connection.duplicate();
    this.eventsConnection.on('error', () => {});
    this.events = new QueueEvents(BATCH_QUEUE, { connection: this.eventsConnection });
    this.events.setMaxListeners(0);
    this.events.on('progress', ({ data }) => {
      const progress = data as unknown as JobProgress;
      if (progress && typeof progress === 'object' && 'stage' in progress) settings.onJobProgress?.(progress);
    });
    this.ready = this.events.waitUntilReady();
  }

  /** Adds the document's job, or finds the one already there (same document, same inputs). */
  async enqueue(document: BatchDocument, options: BatchDocumentOptions) {
    const fingerprint = await fingerprintOf(document.inputs, options.format, options.cwd);
    const data: BatchJobData = { document, options: { ...options, withUnits: false }, tm: this.settings.tm };
    return this.queue.add('align', data, {
      jobId: batchJobId(document, options, fingerprint, this.settings.force),
      attempts: 3,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 24 * 3600 },
    });
  }

  /** Enqueues the document and waits for its end. Never rejects. */
  async run(document: BatchDocument, options: BatchDocumentOptions): Promise<DocumentOutcome> {
    try {
      await this.ready;
      const job = await this.enqueue(document, options);
      const result = (await job.waitUntilFinished(this.events)) as BatchJobResult;
      return { ok: true, result };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  }

  /** Jobs waiting, running, done and failed (for the summary of an enqueue without --wait). */
  counts() {
    return this.queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.events.close();
    await this.queue.close();
    // BullMQ leaves connections it was given open.
    this.eventsConnection.disconnect();
  }
}
