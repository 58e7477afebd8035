/**
 * How well a pair's confidence tells right beads from wrong ones, on the dev sets: each predicted
 * bead is right if exactly the same sentences form a gold bead (strict). Prints, per dev set, the
 * AUC (chance that a right bead outranks a wrong one), the Brier score (mean squared error of
 * confidence as a probability of being right), and a reliability table (share right per confidence
 * band). `npx tsx bench/measure-confidence.ts` (about a minute). Reads ../shared/eval; skips with a
 * message when it is absent.
 */
import { alignSentences } from '../src/core/align/index.js';
import { beadKey } from '../src/core/align/score.js';
import { DEV_SETS, EVAL_ROOT, readDevSet } from './eval-data.js';

const BANDS = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0001];

let measured = 0;
for (const name of DEV_SETS) {
  const documents = await readDevSet(name);
  if (!documents) continue;
  measured++;
  const scored: Array<{ confidence: number; right: boolean }> = [];
  for (const document of documents) {
    const gold = new Set(document.gold.map(beadKey));
    for (const bead of alignSentences(document.zh, document.en)) {
      scored.push({
        confidence: bead.confidence,
        right: gold.has(beadKey(bead)),
      });
    }
  }
  const brier = scored.reduce((sum, s) => sum + (s.confidence - (s.right ? 1 : 0)) ** 2, 0) / scored.length;
  console.log(`\n${name}: ${scored.length} beads, ${scored.filter((s) => s.right).length} right`);
  console.log(`AUC ${auc(scored).toFixed(3)}, Brier ${brier.toFixed(4)}`);
  console.log('| confidence | beads | share right |\n|---|---:|---:|');
  for (let b = 0; b + 1 < BANDS.length; b++) {
    const inBand = scored.filter((s) => s.confidence >= BANDS[b]! && s.confidence < BANDS[b + 1]!);
    const right = inBand.filter((s) => s.right).length;
    const share = inBand.length === 0 ? '–' : (right / inBand.length).toFixed(3);
    console.log(`| ${BANDS[b]}–${Math.min(1, BANDS[b + 1]!)} | ${inBand.length} | ${share} |`);
  }
}
if (measured === 0) console.log(`measure-confidence: skipped, no evaluation data at ${EVAL_ROOT}`);

/** Mann–Whitney AUC with ties counted half. */
function auc(scored: ReadonlyArray<{ confidence: number; right: boolean }>): number {
  const sorted = [...scored].sort((a, b) => a.confidence - b.confidence);
  let rankSumRight = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j]!.confidence === sorted[i]!.confidence) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.right) rankSumRight += averageRank;
    i = j;
  }
  const right = scored.filter((s) => s.right).length;
  const wrong = scored.length - right;
  if (right === 0 || wrong === 0) return Number.NaN;
  return (rankSumRight - (right * (right + 1)) / 2) / (right * wrong);
}
