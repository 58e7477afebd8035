/**
 * A queue worker's settings, apart from the worker (queue-worker.ts) so that `bitext worker --help`
 * and `bitext --help` show the defaults without loading BullMQ and ioredis (~0.4 s of CPU).
 */
export interface WorkerSettings {
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal (BullMQ lockDuration). A worker killed mid-job stops
   * renewing; another worker's stalled-job check, every stalledInterval, moves the job back to the
   * queue once the lock has lapsed.
   */
  lockMs: number;
  stalledIntervalMs: number;
  onEvent?: (event: { kind: 'start' | 'done' | 'failed'; document: string; detail?: string }) => void;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  concurrency: 1,
  lockMs: 30_000,
  stalledIntervalMs: 30_000,
};
