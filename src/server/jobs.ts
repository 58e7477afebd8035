import { randomUUID } from 'node:crypto';
import { errorBody, statusOf } from './errors.js';

// Long work (an alignment, a TM import) run as a job: the request answers 202 at once with the job,
// and GET /api/jobs/ID tells its progress and, when done, its result or its error, which the UI shows.

export interface Job {
  id: string;
  kind: 'align' | 'import';
  status: 'running' | 'done' | 'failed';
  /** What is being done, and how far: the aligner's passes, or units read. */
  progress: { phase: string; done: number; total?: number };
  /** When done: what the request would have answered (the alignment, the import's counts). */
  result?: unknown;
  /** When failed: the error as a request would have answered it, with its status. */
  error?: ReturnType<typeof errorBody>['error'] & { status: number };
  createdAt: string;
}

/** Jobs kept after they end, for their result to be fetched: the newest hundred. */
const KEEP = 100;

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  /** Starts `work` as a job; `work` reports progress through the function it is given. */
  start(kind: Job['kind'], work: (progress: (p: Job['progress']) => void) => Promise<unknown>): Job {
    const job: Job = {
      id: randomUUID(),
      kind,
      status: 'running',
      progress: { phase: kind, done: 0 },
      createdAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP))) this.jobs.delete(id);
    work((progress) => {
      job.progress = progress;
    }).then(
      (result) => {
        job.status = 'done';
        job.result = result;
      },
      (error: unknown) => {
        if (statusOf(error) >= 500) console.error(error);
        job.status = 'failed';
        job.error = { ...errorBody(error).error, status: statusOf(error) };
      },
    );
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }
}
