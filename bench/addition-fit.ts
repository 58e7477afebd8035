/**
 * Tuning aid for the added-clause model (src/core/qa/added-clauses.ts): builds the QA dev harness's
 * doctored documents (bench/qa-harness.ts, same seeds, same injection), takes every candidate English
 * clause's features on the pairs that got an addition (positives) and on the untouched pairs
 * (negatives), fits a logistic model whose pair score is its best clause's on each dev set, and reports
 * recall against false alarms per 100 untouched pairs on both sets, for the current model and each fit.
 *
 *   npx tsx bench/addition-fit.ts [--seeds N] [--cache DIR]
 */
import {
  ADDED_INFO_SCORE,
  ADDED_WARNING_SCORE,
  type AddedClauseFeatures,
  addedClauseCandidates,
  addedScore,
  findAddedClauses,
} from '../src/core/qa/added-clauses.js';
import { linkDocument } from '../src/core/qa/document-links.js';
import { DEV_SETS } from './eval-data.js';
import { curve, type FitData, fitLogistic, harnessExamples, recallAt, type Scorer } from './logistic-fit.js';

/** A candidate's features and its document's typical score (what findAddedClauses takes off). */
type Candidate = AddedClauseFeatures & { typical: number };

const argument = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seeds = Number(argument('--seeds') ?? 10);
const cache = argument('--cache');

function examples(set: string): Promise<FitData<Candidate> | undefined> {
  return harnessExamples(set, 'addition', seeds, cache, (doctored) => {
    const links = linkDocument(doctored);
    const best = findAddedClauses(doctored, links);
    const scored = best.findIndex((c) => c !== undefined);
    const typical = scored < 0 ? 0 : addedScore(best[scored]!) - best[scored]!.score;
    return addedClauseCandidates(doctored, links).map((candidates) =>
      candidates.map((c) => ({ ...c.features, typical })),
    );
  });
}

/** The features a logistic fit weighs (ADD_FEATURES=a,b to try fewer). */
const FEATURES = (process.env.ADD_FEATURES?.split(',') ?? [
  'evidence',
  'lengthEvidence',
  'share',
]) as (keyof Candidate)[];

const budgets = [0.25, 0.5, 1, 2, 5];
const sets: Record<string, FitData<Candidate>> = {};
for (const set of DEV_SETS) {
  const data = await examples(set);
  if (data) sets[set] = data;
}
const show = (label: string, score: Scorer<Candidate>) => {
  for (const [set, data] of Object.entries(sets)) {
    const points = curve(data, score, budgets)
      .map((p) => `FA ${p.budget}: ${p.recall.toFixed(2)} (t ${p.threshold.toFixed(2)})`)
      .join('  ');
    const at0 = recallAt(data, score, 0);
    console.log(
      `${label.padEnd(24)} ${set.padEnd(16)} ${points}  | at 0: recall ${at0.recall.toFixed(2)} FA ${at0.fa.toFixed(2)}`,
    );
  }
};
/** The score findAddedClauses gives: against the document's typical pair. */
const current = (c: Candidate) => addedScore(c) - c.typical;
show('current model', current);
show('without the typical pair', addedScore);
for (const [set, data] of Object.entries(sets)) {
  for (const [name, threshold] of [
    ['warning', ADDED_WARNING_SCORE],
    ['info', ADDED_INFO_SCORE],
  ] as const) {
    const { recall, fa } = recallAt(data, current, threshold);
    console.log(
      `${set.padEnd(16)} ${name} (≥ ${threshold}): recall ${recall.toFixed(2)}, ${fa.toFixed(2)} per 100`,
    );
  }
}
if (process.env.ADD_UNIVARIATE) for (const k of FEATURES) show(`feature ${k}`, (f) => f[k]);
for (const [trainSet, data] of Object.entries(sets)) {
  const w = fitLogistic(data, FEATURES, ['evidence', 'lengthEvidence']);
  console.log(
    `fit on ${trainSet}: ${['bias', ...FEATURES].map((k, i) => `${k}: ${w[i]!.toFixed(3)}`).join(', ')}`,
  );
  show(`fit on ${trainSet}`, (f) => FEATURES.reduce((s, k, i) => s + w[i + 1]! * f[k], w[0]!));
}
