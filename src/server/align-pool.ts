import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BitextError } from '../core/errors.js';
import type { Bead } from '../core/types.js';
import type { AlignRequest, AlignResult, ReviewRequest } from './align-job.js';

interface Pending {
  id: number;
  request: AlignRequest | ReviewRequest;
  onProgress?: (done: number, total: number) => void;
  // biome-ignore lint/suspicious/noExplicitAny: each request kind has its own result type (see the methods)
  resolve: (result: any) => void;
  reject: (error: Error) => void;
}

/** Aligns requests on worker threads (align-worker.ts), one request per worker at a time, the rest queued. */
export interface Aligner {
  /** `onProgress` hears the aligner's passes done of all. */
  align(request: AlignRequest, onProgress?: (done: number, total: number) => void): Promise<AlignResult>;
  /** Each bead's confidence for an edited bead path (scoreAlignment), off the request thread. */
  score(request: Extract<ReviewRequest, { kind: 'score' }>): Promise<number[]>;
  /** The beads re-aligned between the fixed ones (alignSentences with `fixed`), off the request thread. */
  realign(request: Extract<ReviewRequest, { kind: 'realign' }>): Promise<Bead[]>;
  /** Requests waiting for a worker, and being aligned: the health route reports them. */
  load(): { queued: number; running: number };
  close(): Promise<void>;
}

/**
 * A pool of `size` workers (default: one fewer than the cores, at least one, so that one core stays
 * with the event loop). Workers start on first use and stay; a worker that dies fails its request and
 * is replaced.
 */
export function createAlignPool(size = Math.max(1, availableParallelism() - 1)): Aligner {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  const queue: Pending[] = [];
  let started = 0;
  let nextId = 0;
  let closed = false;

  const spawn = (): Worker => {
    started += 1;
    // From the sources (tests, tsx) the worker is a .ts file and registers tsx's loader first, as
    // store/worker-import.ts does.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(new URL('./align-worker.ts', import.meta.url).href)}))`,
          { eval: true },
        )
      : new Worker(new URL('./align-worker.js', import.meta.url));
    worker.on(
      'message',
      (message: {
        id: number;
        result?: AlignResult;
        error?: WorkerFailure;
        progress?: { done: number; total: number };
      }) => {
        const pending = busy.get(worker);
        if (message.progress) {
          pending?.onProgress?.(message.progress.done, message.progress.total);
          return;
        }
        busy.delete(worker);
        if (pending) {
          if (message.error) pending.reject(rebuild(message.error));
          else pending.resolve(message.result!);
        }
        idle.push(worker);
        pump();
      },
    );
    let dead = false;
    const fail = (error: Error) => {
      if (dead) return;
      dead = true;
      const pending = busy.get(worker);
      busy.delete(worker);
      started -= 1;
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      pending?.reject(error);
      if (!closed) pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the alignment worker stopped (exit code ${code})`)));
    return worker;
  };

  const pump = () => {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (started < size ? spawn() : undefined);
      if (!worker) return;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      worker.postMessage({ id: pending.id, request: pending.request });
    }
  };

  const submit = <T>(
    request: AlignRequest | ReviewRequest,
    onProgress?: Pending['onProgress'],
  ): Promise<T> => {
    if (closed) return Promise.reject(new Error('the alignment pool is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ id: nextId++, request, onProgress, resolve, reject });
      pump();
    });
  };

  return {
    align: (request, onProgress) => submit(request, onProgress),
    score: (request) => submit(request),
    realign: (request) => submit(request),
    load: () => ({ queued: queue.length, running: busy.size }),
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('the server is stopping'));
      const workers = [...idle, ...busy.keys()];
      idle.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

interface WorkerFailure {
  code?: string;
  message: string;
  location?: BitextError['location'];
}

function rebuild(failure: WorkerFailure): Error {
  return failure.code
    ? new BitextError(failure.code, failure.message, failure.location)
    : new Error(failure.message);
}
