import {
  Deduplicator,
  type FilterConfig,
  type FilterPair,
  judgePair,
  type LengthCalibration,
  LengthCalibrator,
  type PairOrigin,
  type Verdict,
} from '../core/filter/index.js';
import type { EncodingName } from '../io/decode.js';
import { SqliteFirstCopies } from './filter-first-copies.js';
import { readPairFile } from './filter-input.js';
import type { UseCaseOptions } from './use-case.js';

// `bitext filter`: sentence pairs for MT training, each kept or rejected by the rules of
// core/filter. Two streamed passes over the inputs: the first measures each document's length
// ratios (a histogram per document), the second judges each pair and drops the copies. Memory grows
// with the number of documents, never with the pairs: dedupe's index of first copies is on disk
// (filter-first-copies.ts).

export interface FilterVerdict extends Verdict {
  /** For a copy: where the copy it repeats is (its first occurrence). */
  duplicateOf?: PairOrigin;
}

export interface FilterStats {
  pairs: number;
  kept: number;
  rejected: number;
  /** Rejections by rule. */
  byRule: Record<string, number>;
  /** Per document: pairs, kept, rejections by rule. */
  byDocument: Record<string, { pairs: number; kept: number; byRule: Record<string, number> }>;
}

export interface FilterRunOptions extends UseCaseOptions {
  /** Called for every pair in input order, with its verdict; awaited (outputs apply back-pressure). */
  onVerdict(origin: PairOrigin, pair: FilterPair, verdict: FilterVerdict): void | Promise<void>;
  /** The inputs' encoding (default: detected per file, as every command does). */
  encoding?: EncodingName;
  /** Run every rule on every pair and keep each outcome (explain); slower. */
  explain?: (origin: PairOrigin) => boolean;
}

/** Filters the pairs of `files` (TSV, JSONL, TMX), in order; see the module comment. */
export async function filterPairFiles(
  files: readonly string[],
  config: FilterConfig,
  options: FilterRunOptions,
  cwd = process.cwd(),
): Promise<FilterStats> {
  const calibrators = new Map<string, LengthCalibrator>();
  let measured = 0;
  for (const file of files) {
    for await (const pair of readPairFile(file, cwd, options.encoding)) {
      let calibrator = calibrators.get(pair.document);
      if (!calibrator) {
        calibrator = new LengthCalibrator();
        calibrators.set(pair.document, calibrator);
      }
      calibrator.add(pair.zh, pair.en);
      if (++measured % 10_000 === 0) {
        options.signal?.throwIfAborted();
        options.onProgress?.({ phase: 'measure', done: measured, unit: 'pairs' });
      }
    }
  }
  const calibrations = new Map([...calibrators].map(([document, c]) => [document, c.calibration()]));
  calibrators.clear();

  const exact = config.rules['duplicate']?.enabled ?? true;
  const near = config.rules['near-duplicate']?.enabled ?? true;
  const firstCopies = exact || near ? new SqliteFirstCopies() : undefined;
  try {
    return await judgePairs(
      files,
      config,
      calibrations,
      measured,
      new Deduplicator({ exact, near }, firstCopies),
      options,
      cwd,
    );
  } finally {
    firstCopies?.close();
  }
}

/** The second pass: each pair judged by the rules, then by dedupe, in input order. */
async function judgePairs(
  files: readonly string[],
  config: FilterConfig,
  calibrations: ReadonlyMap<string, LengthCalibration>,
  measured: number,
  dedupe: Deduplicator,
  options: FilterRunOptions,
  cwd: string,
): Promise<FilterStats> {
  const stats: FilterStats = { pairs: 0, kept: 0, rejected: 0, byRule: {}, byDocument: {} };
  for (const file of files) {
    for await (const pair of readPairFile(file, cwd, options.encoding)) {
      const explain = options.explain?.(pair.origin) ?? false;
      const verdict: FilterVerdict = judgePair(
        pair,
        config,
        { calibration: calibrations.get(pair.document)! },
        explain,
      );
      if (verdict.kept) {
        const copy = dedupe.check(pair.zh, pair.en, pair.origin);
        if (copy.duplicate) {
          verdict.kept = false;
          verdict.rule = copy.rule;
          verdict.duplicateOf = copy.first;
          verdict.why = `${copy.rule === 'duplicate' ? 'a copy' : 'a near copy'} of ${describeOrigin(copy.first)}`;
        }
      }
      count(stats, pair.document, verdict);
      await options.onVerdict(pair.origin, pair, verdict);
      if (stats.pairs % 10_000 === 0) {
        options.signal?.throwIfAborted();
        options.onProgress?.({ phase: 'filter', done: stats.pairs, total: measured, unit: 'pairs' });
      }
    }
  }
  options.onProgress?.({ phase: 'filter', done: stats.pairs, total: measured, unit: 'pairs' });
  return stats;
}

function count(stats: FilterStats, document: string, verdict: Verdict): void {
  stats.pairs++;
  let doc = stats.byDocument[document];
  if (!doc) {
    doc = { pairs: 0, kept: 0, byRule: {} };
    stats.byDocument[document] = doc;
  }
  doc.pairs++;
  if (verdict.kept) {
    stats.kept++;
    doc.kept++;
  } else {
    stats.rejected++;
    const rule = verdict.rule!;
    stats.byRule[rule] = (stats.byRule[rule] ?? 0) + 1;
    doc.byRule[rule] = (doc.byRule[rule] ?? 0) + 1;
  }
}

/** `file:line`, or `file unit N` for TMX. */
export function describeOrigin(origin: PairOrigin): string {
  return origin.line !== undefined ? `${origin.file}:${origin.line}` : `${origin.file} unit ${origin.unit}`;
}
