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
import { devSetExamples, type FitData, harnessExamples, printCurves, printFits } from './logistic-fit.js';

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
const sets = await devSetExamples(examples);
printCurves(sets, 'current model', omissionScore, budgets);
if (process.env.OM_UNIVARIATE)
  for (const k of FEATURES) printCurves(sets, `feature ${k}`, (f) => f[k], budgets);
printFits(sets, FEATURES, ['evidence', 'lengthEvidence'], budgets);
