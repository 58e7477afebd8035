/**
 * Tuning aid for the dropped-clause model (src/core/qa/omission-model.ts): builds the QA dev harness's
 * doctored documents (bench/qa-harness.ts, same seeds, same injection order), takes every candidate
 * clause's features (dropped-clauses.ts) on the pairs that got an omission (positives) and on the
 * untouched pairs (negatives), fits a logistic model whose pair score is its best clause's, on one dev
 * set, and reports recall against false alarms per 100 untouched pairs on both sets.
 *
 *   npx tsx bench/omission-fit.ts [--seeds N] [--cache DIR]
 */
import { type ClauseFeatures, clauseCandidates } from '../src/core/qa/dropped-clauses.js';
import { OMISSION_WEIGHTS, omissionScore } from '../src/core/qa/omission-model.js';
import { DEV_SETS } from './eval-data.js';
import { curve, type FitData, fitLogistic, harnessExamples, recallAt, type Scorer } from './logistic-fit.js';

const argument = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seeds = Number(argument('--seeds') ?? 10);
const cache = argument('--cache');

function examples(set: string): Promise<FitData<ClauseFeatures> | undefined> {
  return harnessExamples(set, 'omission', seeds, cache, (doctored) =>
    clauseCandidates(doctored).map((candidates) => candidates.map((c) => c.features)),
  );
}

/** The model's features (OM_FEATURES=a,b,… to try others). */
const FEATURES = (process.env.OM_FEATURES?.split(',') ??
  Object.keys(OMISSION_WEIGHTS)) as (keyof ClauseFeatures)[];

const budgets = [0.5, 1, 1.5, 2, 5];
const sets: Record<string, FitData<ClauseFeatures>> = {};
for (const set of DEV_SETS) {
  const data = await examples(set);
  if (data) sets[set] = data;
}
const show = (label: string, score: Scorer<ClauseFeatures>) => {
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
show('current model', omissionScore);
if (process.env.OM_UNIVARIATE) for (const k of FEATURES) show(`feature ${k}`, (f) => f[k]);
for (const [trainSet, data] of Object.entries(sets)) {
  const w = fitLogistic(data, FEATURES, ['evidence', 'lengthEvidence']);
  console.log(
    `fit on ${trainSet}: ${['bias', ...FEATURES].map((k, i) => `${k}: ${w[i]!.toFixed(3)}`).join(', ')}`,
  );
  show(`fit on ${trainSet}`, (f) => FEATURES.reduce((s, k, i) => s + w[i + 1]! * f[k], w[0]!));
}
