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
import {
  devSetExamples,
  type FitData,
  harnessExamples,
  printCurves,
  printFits,
  recallAt,
} from './logistic-fit.js';

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
const sets = await devSetExamples(examples);
/** The score findAddedClauses gives: against the document's typical pair. */
const current = (c: Candidate) => addedScore(c) - c.typical;
printCurves(sets, 'current model', current, budgets);
printCurves(sets, 'without the typical pair', addedScore, budgets);
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
if (process.env.ADD_UNIVARIATE)
  for (const k of FEATURES) printCurves(sets, `feature ${k}`, (f) => f[k], budgets);
printFits(sets, FEATURES, ['evidence', 'lengthEvidence'], budgets);
