import { createHash } from 'node:crypto';
import type { BatchDocumentOptions, BatchDocumentResult } from '../app/batch-document.js';
import type { BatchDocument } from '../app/batch-plan.js';

// The jobs of a batch on BullMQ: one per document. Paths are as the batch was given them, with the
// batch's working directory: every worker must see the folders at the same path (shared storage).

export const BATCH_QUEUE = 'bitext-batch';

export interface BatchJobData {
  document: BatchDocument;
  options: BatchDocumentOptions;
  /** Store the pairs in this TM too (a postgres:// URL for workers on several machines). */
  tm?: string;
}

/** What a job returns: the counts (no units: they went to the TM, if any). */
export type BatchJobResult = Omit<BatchDocumentResult, 'units'>;

/**
 * The job id: the same document with the same inputs (size and time) and output gets the same id,
 * so enqueuing it again while its job exists adds nothing (BullMQ ignores a known id). `force`
 * salts it, for a run that must redo everything.
 */
export function batchJobId(
  document: BatchDocument,
  options: BatchDocumentOptions,
  fingerprint: string,
  force?: string,
): string {
  const key = JSON.stringify([
    options.cwd,
    document.inputs,
    document.output,
    options.format,
    fingerprint,
    force ?? '',
  ]);
  return `doc-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}
