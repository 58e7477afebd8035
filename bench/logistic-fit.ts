import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_SETS, readDevSet } from './eval-data.js';
import { doctorPairs, type ErrorKind, goldPairs, INJECTED_SHARE, type Pair } from './qa-inject.js';

/**
 * The logistic fit the QA tuning aids share (bench/omission-fit.ts, bench/addition-fit.ts): examples
 * are pairs, each with its candidate spans' features; a pair scores as its best candidate
 * (multiple-instance), and the threshold, not the prior, sets the false-alarm budget.
 */
export interface Example<F> {
  label: 0 | 1;
  candidates: F[];
}

export interface FitData<F> {
  examples: Example<F>[];
  /** Untouched pairs, candidates or not (the false-alarm denominator). */
  untouched: number;
}

export type Scorer<F> = (f: F) => number;

/**
 * The examples of one error kind on a dev set, from the QA harness's doctored documents (same seeds,
 * same injection order as bench/qa-harness.ts): the pairs that got that kind (positives) and the
 * untouched pairs (negatives), each with the features of its candidates (`featuresOf` gives them for
 * a whole doctored document, pair by pair). Kept in `cacheDir` when one is given.
 */
export async function harnessExamples<F>(
  set: string,
  kind: ErrorKind,
  seeds: number,
  cacheDir: string | undefined,
  featuresOf: (doctored: Pair[]) => F[][],
): Promise<FitData<F> | undefined> {
  const file = cacheDir ? path.join(cacheDir, `${kind}-${set}-${seeds}.json`) : undefined;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as FitData<F>;
  const documents = await readDevSet(set);
  if (!documents) return undefined;
  const out: Example<F>[] = [];
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
      const features = featuresOf(doctored);
      doctored.forEach((_, i) => {
        const injectedHere = injectedKind.get(i);
        if (injectedHere && injectedHere !== kind) return;
        if (!injectedHere) untouched++;
        out.push({ label: injectedHere ? 1 : 0, candidates: features[i]! });
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

const pairScore = <F>(e: Example<F>, score: Scorer<F>) =>
  e.candidates.reduce((best, f) => Math.max(best, score(f)), Number.NEGATIVE_INFINITY);

/** Recall at each false-alarm budget (per 100 untouched pairs), and the threshold that gives it. */
export function curve<F>(data: FitData<F>, score: Scorer<F>, budgets: number[]) {
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

/** Recall and false alarms per 100 untouched pairs at a threshold. */
export function recallAt<F>(data: FitData<F>, score: Scorer<F>, threshold: number) {
  const pos = data.examples.filter((e) => e.label === 1).map((e) => pairScore(e, score));
  const neg = data.examples.filter((e) => e.label === 0).map((e) => pairScore(e, score));
  return {
    recall: pos.filter((s) => s >= threshold).length / pos.length,
    fa: (100 * neg.filter((s) => s >= threshold).length) / data.untouched,
  };
}

/**
 * Logistic regression, pair score = its best candidate's (multiple-instance): the best candidate of
 * each pair is fixed under the current weights, then Newton steps (IRLS) on those, and again. Classes
 * weighted equally (the budget is set by the threshold, not the prior); a small ridge keeps it stable.
 * `start` names the features whose weight starts at 1 (the rest at 0). Returns [bias, ...weights].
 */
export function fitLogistic<F extends object>(
  data: { examples: Example<F>[] },
  features: readonly (keyof F)[],
  start: readonly (keyof F)[] = [],
): number[] {
  const d = features.length + 1;
  let w = [0, ...features.map((k) => (start.includes(k) ? 1 : 0))];
  const x = (f: F) => [1, ...features.map((k) => f[k] as number)];
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

/** Each dev set's examples that `examples` finds (sets without evaluation data left out). */
export async function devSetExamples<F>(
  examples: (set: string) => Promise<FitData<F> | undefined>,
): Promise<Record<string, FitData<F>>> {
  const sets: Record<string, FitData<F>> = {};
  for (const set of DEV_SETS) {
    const data = await examples(set);
    if (data) sets[set] = data;
  }
  return sets;
}

/** Prints, for each set, recall at each false-alarm budget under `score` (with its threshold), and at 0. */
export function printCurves<F>(
  sets: Record<string, FitData<F>>,
  label: string,
  score: Scorer<F>,
  budgets: number[],
): void {
  for (const [set, data] of Object.entries(sets)) {
    const points = curve(data, score, budgets)
      .map((p) => `FA ${p.budget}: ${p.recall.toFixed(2)} (t ${p.threshold.toFixed(2)})`)
      .join('  ');
    const at0 = recallAt(data, score, 0);
    console.log(
      `${label.padEnd(24)} ${set.padEnd(16)} ${points}  | at 0: recall ${at0.recall.toFixed(2)} FA ${at0.fa.toFixed(2)}`,
    );
  }
}

/**
 * Fits the features on each set in turn (`start` as in fitLogistic), printing the weights and each
 * fit's curves on every set: the fit on one set measured on the other is the held-out figure.
 */
export function printFits<F extends object>(
  sets: Record<string, FitData<F>>,
  features: readonly (keyof F)[],
  start: readonly (keyof F)[],
  budgets: number[],
): void {
  for (const [trainSet, data] of Object.entries(sets)) {
    const w = fitLogistic(data, features, start);
    console.log(
      `fit on ${trainSet}: ${['bias', ...features].map((k, i) => `${String(k)}: ${w[i]!.toFixed(3)}`).join(', ')}`,
    );
    printCurves(
      sets,
      `fit on ${trainSet}`,
      (f) => features.reduce((s, k, i) => s + w[i + 1]! * (f[k] as number), w[0]!),
      budgets,
    );
  }
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
