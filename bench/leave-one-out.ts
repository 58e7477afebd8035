/**
 * Leave-one-document-out F1 for the aligner's tuned constants (issue 11, part 2): the dev figure is
 * measured on the chapters the constants were tuned on, so it is optimistic. Here each chapter of a
 * dev set is held out in turn: the constants are re-chosen on the other chapters (the tuned value of
 * each, or one step either side of it — each step is one the tuning notes tried: `tuning.ts` and the
 * kinds' provenance in `evidence-kinds.ts`), passed per call, and the
 * held-out chapter is scored with the choice. The held-out counts are pooled as `bitext eval` pools.
 *
 * `npx tsx bench/leave-one-out.ts [SET]` (default mac-dev); `npm run bench` prints its summary line.
 * The starting values were themselves chosen on all chapters, so this measures how much the last
 * local choice of each constant fits the dev chapters, not a tuning from scratch.
 */

import { type AlignTuning, alignSentences, DEFAULT_EVIDENCE, TUNING } from '../src/core/align/index.js';
import {
  type AlignmentCounts,
  addCounts,
  countAlignment,
  NO_COUNTS,
  strictScore,
} from '../src/core/align/score.js';
import { EVAL_ROOT, type GoldDocument, readDevSet } from './eval-data.js';

/** A constant: of the search (`kind` undefined) or one of a kind's weights. */
type Tunable = { kind?: string; key: string; steps: readonly number[] };

/** The tuned constants and one step either side of each (a step the tuning notes tried). */
const TUNABLE: Record<string, Tunable> = {
  lengthWeight: { kind: 'length', key: 'weight', steps: [0.6, 0.8] },
  dictionaryWeight: { kind: 'dictionary', key: 'weight', steps: [0.4, 0.6] },
  manyToManyCost: { key: 'manyToManyCost', steps: [3, 5] },
  emptyCost: { key: 'emptyCost', steps: [5, 7] },
  quotesWeight: { kind: 'quotes', key: 'boundaryWeight', steps: [1, 2] },
  turnsWeight: { kind: 'quotes', key: 'turnsWeight', steps: [1.5, 2.5] },
  questionsWeight: { kind: 'punctuation', key: 'questionsWeight', steps: [1, 3] },
  learnedWeight: { kind: 'learned', key: 'weight', steps: [0.15, 0.25] },
};

// Every tunable names a constant the aligner has: a renamed weight must not be tried silently as a no-op.
for (const [name, t] of Object.entries(TUNABLE)) {
  const owner = t.kind ? DEFAULT_EVIDENCE.find((k) => k.name === t.kind)?.weights : TUNING;
  if (!owner || !(t.key in owner)) throw new Error(`leave-one-out: ${name} names no tuned constant`);
}

export interface Setting {
  name: string;
  values: Record<string, number>;
}

/** The tuned values, and each constant moved one step with the others at their tuned values. */
export function candidateSettings(): Setting[] {
  const settings: Setting[] = [{ name: 'tuned', values: {} }];
  for (const [name, t] of Object.entries(TUNABLE))
    for (const step of t.steps) settings.push({ name: `${name} ${step}`, values: { [name]: step } });
  return settings;
}

/** The per-call tuning of a setting (nothing global changes). */
export function tuningOf(setting: Setting): AlignTuning {
  const search: Record<string, number> = {};
  const weights: Record<string, Record<string, number>> = {};
  for (const [name, value] of Object.entries(setting.values)) {
    const t = TUNABLE[name]!;
    if (t.kind) weights[t.kind] = { ...weights[t.kind], [t.key]: value };
    else search[t.key] = value;
  }
  return { ...search, weights };
}

export interface LeaveOneOut {
  /** Per held-out document: the setting chosen on the others, and its strict F1 on the held-out one. */
  folds: Array<{ document: string; chosen: string; f1: number }>;
  /** Held-out counts pooled. */
  pooledF1: number;
  /** The tuned values scored on all documents (the usual dev figure). */
  devF1: number;
}

export function leaveOneOut(
  documents: readonly GoldDocument[],
  settings: readonly Setting[] = candidateSettings(),
): LeaveOneOut {
  // counts[s][d]: setting s on document d; each alignment is run once.
  const counts: AlignmentCounts[][] = settings.map((setting) => {
    const tuning = tuningOf(setting);
    return documents.map((d) => countAlignment(alignSentences(d.zh, d.en, { tuning }), d.gold));
  });
  const pooled = (s: number, skip: number) =>
    counts[s]!.reduce((sum, c, d) => (d === skip ? sum : addCounts(sum, c)), NO_COUNTS);
  let held = NO_COUNTS;
  const folds = documents.map((document, d) => {
    // Best on the other documents; ties keep the earlier setting (the tuned values come first).
    let best = 0;
    for (let s = 1; s < settings.length; s++)
      if (strictScore(pooled(s, d)).f1 > strictScore(pooled(best, d)).f1) best = s;
    held = addCounts(held, counts[best]![d]!);
    return { document: document.name, chosen: settings[best]!.name, f1: strictScore(counts[best]![d]!).f1 };
  });
  return { folds, pooledF1: strictScore(held).f1, devF1: strictScore(pooled(0, -1)).f1 };
}

async function main(): Promise<void> {
  const summary = process.argv.includes('--summary');
  const name = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'mac-dev';
  const documents = await readDevSet(name);
  if (!documents) {
    console.log(`leave-one-out: skipped, no evaluation data at ${EVAL_ROOT}`);
    return;
  }
  const result = leaveOneOut(documents);
  if (!summary)
    for (const fold of result.folds)
      console.log(
        `${name}/${fold.document} held out: chose ${fold.chosen.padEnd(22)} strict F1 ${fold.f1.toFixed(4)}`,
      );
  console.log(
    `${name} leave-one-document-out strict F1 ${result.pooledF1.toFixed(4)} (tuned on all: ${result.devF1.toFixed(4)})`,
  );
}

if (process.argv[1]?.endsWith('leave-one-out.ts')) await main();
