/**
 * Tuning aid for the dropped-clause model (src/core/qa/omission-model.ts): builds the QA dev harness's
 * doctored documents (bench/qa-harness.ts, same seeds, same injection order), takes every candidate
 * clause's features (dropped-clauses.ts) on the pairs that got an omission (positives) and on the
 * untouched pairs (negatives), fits a logistic model whose pair score is its best clause's, on one dev
 * set, and reports recall against false alarms per 100 untouched pairs on both sets.
 *
 *   npx tsx bench/omission-fit.ts [--seeds N] [--cache DIR]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ClauseFeatures, clauseCandidates } from '../src/core/qa/dropped-clauses.js';
import { OMISSION_WEIGHTS, omissionScore } from '../src/core/qa/omission-model.js';
import { DEV_SETS, readDevSet } from './eval-data.js';
import { doctorPairs, goldPairs, INJECTED_SHARE } from './qa-inject.js';

const argument = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seeds = Number(argument('--seeds') ?? 10);
const cache = argument('--cache');

interface Example {
  label: 0 | 1;
  candidates: ClauseFeatures[];
}

async function examples(set: string): Promise<{ examples: Example[]; untouched: number } | undefined> {
  const file = cache ? path.join(cache, `${set}-${seeds}.json`) : undefined;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const documents = await readDevSet(set);
  if (!documents) return undefined;
  const out: Example[] = [];
  let untouched = 0;
  const injected: Record<string, number> = {};
  for (let seed = 1; seed <= seeds; seed++) {
    for (const [d, document] of documents.entries()) {
      const { doctored, injectedKind } = doctorPairs(
        goldPairs(document),
        seed * 1000 + d,
        injected,
        INJECTED_SHARE,
      );
      const candidates = clauseCandidates(doctored);
      doctored.forEach((_, i) => {
        const kind = injectedKind.get(i);
        if (kind && kind !== 'omission') return;
        if (!kind) untouched++;
        out.push({ label: kind ? 1 : 0, candidates: candidates[i]!.map((c) => c.features) });
      });
    }
  }
  // Negatives without a candidate never score: keep the count only.
  const kept = { examples: out.filter((e) => e.label === 1 || e.candidates.length > 0), untouched };
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(kept));
  }
  return kept;
}

type Scorer = (f: ClauseFeatures) => number;

const pairScore = (e: Example, score: Scorer) =>
  e.candidates.reduce((best, f) => Math.max(best, score(f)), Number.NEGATIVE_INFINITY);

/** Recall at each false-alarm budget (per 100 untouched pairs), and the threshold that gives it. */
function curve(data: { examples: Example[]; untouched: number }, score: Scorer, budgets: number[]) {
  const pos = data.examples.filter((e) => e.label === 1).map((e) => pairScore(e, score));
  const neg = data.examples
    .filter((e) => e.label === 0)
    .map((e) => pairScore(e, score))
    .sort((a, b) => b - a);
  return budgets.map((budget) => {
    const allowed = Math.floor((budget * data.untouched) / 100);
    const threshold = allowed < neg.length ? neg[allowed]! : Number.NEGATIVE_INFINITY;
    const recall = pos.filter((s) => s > threshold).length / pos.length;
    return { budget, recall, threshold };
  });
}

function recallAt(data: { examples: Example[]; untouched: number }, score: Scorer, threshold: number) {
  const pos = data.examples.filter((e) => e.label === 1).map((e) => pairScore(e, score));
  const neg = data.examples.filter((e) => e.label === 0).map((e) => pairScore(e, score));
  return {
    recall: pos.filter((s) => s >= threshold).length / pos.length,
    fa: (100 * neg.filter((s) => s >= threshold).length) / data.untouched,
  };
}

/** The model's features (OM_FEATURES=a,b,… to try others). */
const FEATURES = (process.env.OM_FEATURES?.split(',') ??
  Object.keys(OMISSION_WEIGHTS)) as (keyof ClauseFeatures)[];

/**
 * Logistic regression, pair score = its best clause's (multiple-instance): the best clause of each pair
 * is fixed under the current weights, then Newton steps (IRLS) on those, and again. Classes weighted
 * equally (the budget is set by the threshold, not the prior); a small ridge keeps it stable.
 */
function fitLogistic(data: { examples: Example[] }): number[] {
  const d = FEATURES.length + 1;
  let w = [0, ...FEATURES.map((k) => (k === 'evidence' || k === 'lengthEvidence' ? 1 : 0))];
  const x = (f: ClauseFeatures) => [1, ...FEATURES.map((k) => f[k])];
  const lin = (v: number[], weights: number[]) => v.reduce((s, xi, i) => s + xi * weights[i]!, 0);
  const ex = data.examples.filter((e) => e.candidates.length > 0);
  const nPos = ex.filter((e) => e.label).length;
  const nNeg = ex.length - nPos;
  for (let outer = 0; outer < 6; outer++) {
    const rows = ex.map((e) => {
      let best: number[] = [];
      let bestScore = Number.NEGATIVE_INFINITY;
      for (const f of e.candidates) {
        const v = x(f);
        const s = lin(v, w);
        if (s > bestScore) {
          bestScore = s;
          best = v;
        }
      }
      return { v: best, y: e.label, weight: e.label ? 0.5 / nPos : 0.5 / nNeg };
    });
    for (let step = 0; step < 8; step++) {
      const g = new Array(d).fill(0);
      const h = Array.from({ length: d }, () => new Array(d).fill(0));
      for (const { v, y, weight } of rows) {
        const p = 1 / (1 + Math.exp(-lin(v, w)));
        for (let i = 0; i < d; i++) {
          g[i] += weight * (p - y) * v[i]!;
          for (let j = 0; j < d; j++) h[i]![j] += weight * p * (1 - p) * v[i]! * v[j]!;
        }
      }
      for (let i = 1; i < d; i++) {
        g[i] += 1e-4 * w[i]!;
        h[i]![i] += 1e-4;
      }
      const delta = solve(h, g);
      // Damped: halve the step until the weighted log loss falls (plain Newton can overshoot).
      const loss = (weights: number[]) =>
        rows.reduce((s, { v, y, weight }) => {
          const z = lin(v, weights);
          return s + weight * (Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - y * z);
        }, 0) +
        0.5e-4 * weights.slice(1).reduce((s, wi) => s + wi * wi, 0);
      const before = loss(w);
      let scale = 1;
      let next = w.map((wi, i) => wi - delta[i]!);
      while (scale > 1e-3 && !(loss(next) <= before)) {
        scale /= 2;
        next = w.map((wi, i) => wi - scale * delta[i]!);
      }
      if (scale <= 1e-3) break;
      w = next;
    }
  }
  return w;
}

/** Gaussian elimination with partial pivoting: a small dense system. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c]![c] === 0) continue;
      const factor = m[r]![c]! / m[c]![c]!;
      const row = m[r]!;
      for (let k = c; k <= n; k++) row[k] = row[k]! - factor * m[c]![k]!;
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!));
}

const budgets = [0.5, 1, 1.5, 2, 5];
const sets: Record<string, { examples: Example[]; untouched: number }> = {};
for (const set of DEV_SETS) {
  const data = await examples(set);
  if (data) sets[set] = data;
}
const show = (label: string, score: Scorer) => {
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
  const w = fitLogistic(data);
  console.log(
    `fit on ${trainSet}: ${['bias', ...FEATURES].map((k, i) => `${k}: ${w[i]!.toFixed(3)}`).join(', ')}`,
  );
  show(`fit on ${trainSet}`, (f) => FEATURES.reduce((s, k, i) => s + w[i + 1]! * f[k], w[0]!));
}
