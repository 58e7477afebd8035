import { copyIn, instantiateKernel, type KernelMemory } from '../kernels.js';
import type { Band } from './band.js';
import type { BeadShape } from './bead-shapes.js';
import type { RangeCost } from './search.js';

/**
 * A bead's cost as a sum of terms, made by the WebAssembly kernel kernels/cost-sum.ts: the searches
 * and the forward–backward passes (kernels/lattice.ts) call it, and it calls the terms, with no
 * JavaScript between when the terms are kernels' exports (the coverage and length costs are). In
 * JavaScript, the sum was a closure per pass, and the code calling it was compiled anew for each,
 * several times per document in a fresh process (V8's "wrong call target").
 */
interface CostSumExports extends KernelMemory {
  ready(terms: number): void;
  keepOver(lo: number, hi: number, offsets: number, rows: number, shapeIndex: number, shapes: number): void;
  cost: RangeCost;
}

/** The imports of a cost-sum instance: cost-sum.t0 … t7. */
const TERMS_PER_KERNEL = 8;

/** The cost-sum instance that computes each cost (its own export, or a cost it wraps). */
const sums = new WeakMap<RangeCost, CostSumExports>();

/** For a JavaScript cost that only calls a kernel's export: that export, made when first asked. */
const kernelCosts = new WeakMap<RangeCost, () => RangeCost>();

/**
 * Says that `cost` computes what `kernelCost()` (a kernel's export) does: a sum calls that export
 * directly. For a cost whose kernel is made lazily, on its first bead (coverageRatioCost).
 */
export function sameAsKernelCost(cost: RangeCost, kernelCost: () => RangeCost): void {
  kernelCosts.set(cost, kernelCost);
}

/**
 * The sum of `terms`, in order from 0 (as a JavaScript loop adds them, to the last bit), as a kernel's
 * export. More terms than one instance imports are summed by instances nested on the left: 0 + (the
 * first eight's sum) + the ninth + … adds in the same order.
 */
export function sumOfTerms(terms: readonly RangeCost[]): RangeCost {
  let sum = costSum(terms.slice(0, TERMS_PER_KERNEL)).cost;
  for (let k = TERMS_PER_KERNEL; k < terms.length; k += TERMS_PER_KERNEL - 1)
    sum = costSum([sum, ...terms.slice(k, k + TERMS_PER_KERNEL - 1)]).cost;
  return sum;
}

function costSum(terms: readonly RangeCost[]): CostSumExports {
  const imports: Record<string, RangeCost> = {};
  for (let k = 0; k < TERMS_PER_KERNEL; k++) {
    const term = terms[k];
    imports[`t${k}`] = term ? (kernelCosts.get(term)?.() ?? term) : neverCalled;
  }
  const kernel = instantiateKernel<CostSumExports>('cost-sum', { 'cost-sum': imports });
  kernel.ready(terms.length);
  sums.set(kernel.cost, kernel);
  return kernel;
}

/** What fills the imports a sum has no term for: the kernel calls only the first `count`. */
const neverCalled: RangeCost = () => 0;

/**
 * `cost` as a kernel's export the lattice kernel can call (a WebAssembly function): a sum's own, or a
 * one-term sum wrapping it (kept with it, so it and what it keeps are found again).
 */
export function kernelCostOf(cost: RangeCost): RangeCost {
  return sumKernelOf(cost).cost;
}

function sumKernelOf(cost: RangeCost): CostSumExports {
  let kernel = sums.get(cost);
  if (!kernel) {
    kernel = costSum([cost]);
    sums.set(cost, kernel);
  }
  return kernel;
}

/** Shapes are indexed by (zh sentences, en sentences) as SHAPE_SPAN · zh + en (kernels/cost-sum.ts). */
const SHAPE_SPAN = 8;

/**
 * Above this many beads (8 bytes each, 256 MB) no values are kept: a 100,000-sentence pair's guided
 * band (~28M beads) is kept, whose posteriors would otherwise weigh every bead of their band again
 * (13% of its time; 121.6 → 116.9 s of CPU, peak RSS 680 → 891 MB, measured with the table in
 * JavaScript).
 */
export const MAX_KEPT_BEADS = 1 << 25;

/** The costs that keep a band's values already (the first band asked for is the one kept). */
const keeping = new WeakSet<CostSumExports>();

/** Costs whose values are never kept: the same coordinates do not always mean the same bead. */
const unkept = new WeakSet<RangeCost>();

/** Makes keepCosts leave `cost` alone. */
export function neverKept(cost: RangeCost): void {
  unkept.add(cost);
}

/**
 * From now on, `cost` keeps the values it computes for the beads of `band` (sentence units) of these
 * shapes, and answers them from what it kept: the search with the last pass's cost keeps them for
 * the posteriors, which would otherwise weigh most of its beads again. Nothing is kept when the table
 * would be too large or a shape too wide for it, or for a cost marked neverKept.
 */
export function keepCosts(
  cost: RangeCost,
  band: Band,
  offsets: Float64Array,
  shapes: readonly BeadShape[],
  maxBeads = MAX_KEPT_BEADS,
): void {
  if (unkept.has(cost)) return;
  const kernel = sumKernelOf(cost);
  if (keeping.has(kernel)) return;
  keeping.add(kernel);
  const beads = offsets[offsets.length - 1]! * shapes.length;
  if (beads > maxBeads || shapes.some((s) => s.zh >= SHAPE_SPAN || s.en >= SHAPE_SPAN)) return;
  const shapeIndex = new Int32Array(SHAPE_SPAN * SHAPE_SPAN).fill(-1);
  shapes.forEach((shape, k) => {
    shapeIndex[SHAPE_SPAN * shape.zh + shape.en] = k;
  });
  kernel.keepOver(
    copyIn(kernel, band.lo),
    copyIn(kernel, band.hi),
    copyIn(kernel, offsets),
    band.lo.length,
    copyIn(kernel, shapeIndex),
    shapes.length,
  );
}
