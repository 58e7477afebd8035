import { BitextError } from '../core/errors.js';
import type { PairFormat } from '../formats/pairs.js';
import type { TmStore } from '../store/tm-store.js';
// Types only: the aligner loads in the worker threads, not in the thread that hands documents out.
import type { BatchDocumentOptions, BatchDocumentResult } from './batch-document.js';
import { type BatchDocument, planBatch } from './batch-plan.js';
import { type DocumentOutcome, WorkerPool } from './batch-pool.js';
import {
  appendRecord,
  failureReason,
  fingerprintOf,
  inputBytesOf,
  outputExists,
  type ReportRecord,
  readReport,
  reportPath,
  writeReport,
} from './batch-report.js';
import { removeStaleTemporaries } from './batch-temporaries.js';
import type { Progress, UseCaseOptions } from './use-case.js';

/**
 * With queue workers writing the outputs, a temporary file is an orphan when untouched this long:
 * a worker writes one in a single burst (the output is formatted first), and a worker that dies
 * leaves its job to another after its lock (30 s by default).
 */
const QUEUE_TEMPORARY_STALE_MS = 10 * 60 * 1000;

// `bitext batch`: every document of a folder aligned into OUT_DIR, on worker threads (or queue
// workers), with a report, resume and isolated failures.

export interface BatchProgress extends Progress {
  phase: 'batch';
  unit: 'documents';
  total: number;
  /** Pairs written so far, by this run. */
  pairs: number;
  failed: number;
  /** Documents an earlier run had done, skipped by this one (counted in `done`). */
  resumed: number;
}

/** Aligns one document somewhere (a worker thread, a queue worker); never rejects. */
export interface DocumentRunner {
  run(document: BatchDocument, options: BatchDocumentOptions): Promise<DocumentOutcome>;
  close(): Promise<void>;
}

export interface BatchOptions extends Omit<UseCaseOptions, 'onProgress'> {
  inDir: string;
  outDir: string;
  format: PairFormat;
  /** Documents in progress at once: worker threads for a local run, jobs awaited for a queue. */
  jobs: number;
  /** Redo every document, done or not. */
  force?: boolean;
  /** Store each document's pairs here too (once per document: its content hash is its identity). */
  tm?: TmStore;
  /** Directory relative paths are resolved from. */
  cwd: string;
  onProgress?: (progress: BatchProgress) => void;
  /** Where documents are aligned; default: a pool of `jobs` worker threads. */
  runner?: DocumentRunner;
}

export interface BatchSummary {
  /** One record per document, in path order, then the files that are not documents. */
  records: ReportRecord[];
  done: number;
  failed: ReportRecord[];
  resumed: number;
  pairs: number;
  report: string;
}

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const { cwd, format } = options;
  const plan = await planNonEmptyBatch(options);
  const report = reportPath(options.outDir, cwd);
  await removeStaleTemporaries(
    [...plan.documents.map((d) => d.output), report],
    cwd,
    // A local batch is its outputs' only writer: any temporary file there now is an earlier run's.
    // Queue workers may be writing one this minute (a job of an earlier enqueue still running).
    options.runner ? Date.now() - QUEUE_TEMPORARY_STALE_MS : Date.now(),
  );
  const { records, todo } = await pendingDocuments(plan.documents, options, report);
  const progress: BatchProgress = {
    phase: 'batch',
    unit: 'documents',
    done: records.size,
    total: plan.documents.length,
    pairs: 0,
    failed: 0,
    resumed: records.size,
  };
  options.onProgress?.({ ...progress });

  // No threads when an earlier run did everything: each loads the aligner as it starts (~1 CPU s).
  const runner =
    options.runner ??
    (todo.length ? new WorkerPool(Math.max(1, Math.min(options.jobs, todo.length))) : undefined);
  const documentOptions: BatchDocumentOptions = { format, cwd, withUnits: options.tm !== undefined };
  // The TM takes one document at a time (SQLite has one writer); threads go on aligning meanwhile.
  let storing: Promise<unknown> = Promise.resolve();
  const store = (document: BatchDocument, result: BatchDocumentResult) => {
    const stored = storing.then(() => storeInTm(options.tm!, document, result));
    storing = stored.catch(() => {});
    return stored;
  };
  const finish = async (
    document: BatchDocument,
    fingerprint: string,
    started: number,
    outcome: DocumentOutcome,
  ) => {
    let record: ReportRecord;
    try {
      if (!outcome.ok) throw new BatchFailure(outcome.reason);
      // A queue worker stores in the TM itself; a local run stores here.
      const tm = outcome.result.stored ?? (options.tm ? await store(document, outcome.result) : undefined);
      record = {
        document: document.id,
        status: 'done',
        output: document.output,
        pairs: outcome.result.pairs,
        meanConfidence: outcome.result.meanConfidence,
        ms: outcome.ms ?? Date.now() - started,
        fingerprint,
        ...(tm ? { tm } : {}),
      };
      progress.pairs += outcome.result.pairs;
    } catch (error) {
      record = {
        document: document.id,
        status: 'failed',
        reason: failureReason(error),
        ms: outcome.ms ?? Date.now() - started,
        fingerprint,
      };
      progress.failed++;
    }
    // The output is in place before the report says so: a kill between the two only redoes it.
    await appendRecord(report, record);
    records.set(document.id, record);
    progress.done++;
    options.onProgress?.({ ...progress, item: document.id });
  };

  // Largest documents first (Graham's LPT rule): a long document left for the end would keep one
  // thread busy while the others have nothing to do. The report stays in path order.
  const order = [...todo].sort((a, b) => inputBytesOf(b.fingerprint) - inputBytesOf(a.fingerprint));
  try {
    let next = 0;
    const lane = async () => {
      while (next < order.length && !options.signal?.aborted) {
        const { document, fingerprint } = order[next++]!;
        const started = Date.now();
        let outcome: DocumentOutcome;
        try {
          outcome = await runner!.run(document, documentOptions);
        } catch (error) {
          outcome = { ok: false, reason: (error as Error).message };
        }
        await finish(document, fingerprint, started, outcome);
      }
    };
    const lanes = Math.max(1, Math.min(options.jobs, todo.length));
    await Promise.all(Array.from({ length: lanes }, () => lane()));
  } finally {
    await runner?.close();
  }
  options.signal?.throwIfAborted();

  const ordered: ReportRecord[] = [
    ...plan.documents.map((d) => records.get(d.id)!),
    ...plan.skipped.map((s): ReportRecord => ({ document: s.id, status: 'skipped', reason: s.reason })),
  ];
  await writeReport(report, ordered);
  const failed = ordered.filter((r) => r.status === 'failed');
  return {
    records: ordered,
    done: ordered.filter((r) => r.status === 'done').length,
    failed,
    resumed: progress.resumed,
    pairs: ordered.reduce((n, r) => n + (r.pairs ?? 0), 0),
    report,
  };
}

/** A document's own failure, already worded (from a worker). */
class BatchFailure extends BitextError {
  constructor(reason: string) {
    super('BATCH_DOCUMENT_FAILED', reason);
  }
}

/** Stores a document's units once; a document whose content hash the TM has is not stored again. */
async function storeInTm(
  tm: TmStore,
  document: BatchDocument,
  result: BatchDocumentResult,
): Promise<ReportRecord['tm']> {
  const added = await tm.addDocument(
    { name: document.inputs.join(' + '), contentHash: result.contentHash, kind: 'aligned' },
    result.units ?? [],
  );
  return { added: added.added, duplicates: added.duplicates, alreadyPresent: added.alreadyPresent };
}

/**
 * The documents a run must do, and the records of those an earlier run did (skipped, unless
 * `force`): done, from the same inputs (size, time) and format, with the output still there.
 */
export async function pendingDocuments(
  documents: readonly BatchDocument[],
  options: Pick<BatchOptions, 'force' | 'format' | 'cwd'>,
  report: string,
): Promise<{
  records: Map<string, ReportRecord>;
  todo: Array<{ document: BatchDocument; fingerprint: string }>;
}> {
  const earlier = options.force ? new Map<string, ReportRecord>() : await readReport(report);
  const records = new Map<string, ReportRecord>();
  const todo: Array<{ document: BatchDocument; fingerprint: string }> = [];
  for (const document of documents) {
    const fingerprint = await fingerprintOf(document.inputs, options.format, options.cwd);
    const before = earlier.get(document.id);
    if (
      before?.status === 'done' &&
      before.fingerprint === fingerprint &&
      before.output === document.output &&
      (await outputExists(before.output, options.cwd))
    ) {
      records.set(document.id, { ...before, resumed: true });
    } else {
      todo.push({ document, fingerprint });
    }
  }
  return { records, todo };
}

/** The batch's documents; a folder with none is an error (exit 1), not a run that does nothing. */
async function planNonEmptyBatch(options: Pick<BatchOptions, 'inDir' | 'outDir' | 'format' | 'cwd'>) {
  const plan = await planBatch(options.inDir, options.outDir, options.format, options.cwd);
  if (plan.documents.length === 0) {
    const note = plan.skipped.length ? ` (${plan.skipped.length} other files)` : '';
    throw new BitextError('BATCH_EMPTY', `no documents to align in this folder${note}`, {
      file: options.inDir,
    });
  }
  return plan;
}

/**
 * `batch --queue` without `--wait`: hands each document still to do to `enqueue` (a job per
 * document) and returns at once; queue workers do the work. Returns how many were handed on and how
 * many an earlier run had done.
 */
export async function enqueueBatch(
  options: Pick<BatchOptions, 'inDir' | 'outDir' | 'format' | 'cwd' | 'force'>,
  enqueue: (document: BatchDocument, documentOptions: BatchDocumentOptions) => Promise<void>,
): Promise<{ enqueued: number; done: number }> {
  const plan = await planNonEmptyBatch(options);
  const { records, todo } = await pendingDocuments(
    plan.documents,
    options,
    reportPath(options.outDir, options.cwd),
  );
  for (const { document } of todo)
    await enqueue(document, { format: options.format, cwd: options.cwd, withUnits: false });
  return { enqueued: todo.length, done: records.size };
}
