import type { PreparedBatch } from './index-terms/prepared-units.js';
import type { TmAddResult } from './tm-store.js';

// What both backends' addDocument share around their transactions.

export function emptyAddResult(): TmAddResult {
  return { read: 0, added: 0, duplicates: 0, skipped: 0, alreadyPresent: false, replaced: 0 };
}

/** The import's time, in whole seconds: TMX dates carry no more, so export → import keeps times exact. */
export function importTime(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}

/**
 * The result for a document already stored: its batches are closed without being read (a generator
 * not yet started never runs, so no import worker is started).
 */
export async function alreadyPresent(
  batches: AsyncIterable<PreparedBatch>,
  result: TmAddResult,
): Promise<TmAddResult> {
  await batches[Symbol.asyncIterator]().return?.();
  return { ...result, alreadyPresent: true };
}
