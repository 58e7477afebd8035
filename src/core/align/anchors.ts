import { BitextError } from '../errors.js';
import { neverKept } from './cost-sum.js';
import type { RangeBead, RangeCost } from './search.js';

/**
 * Beads a user has confirmed (the review UI's anchors): the aligner keeps them as they are and
 * re-aligns only the stretches between them. A bead with both sides is a fixed point of the path: each
 * stretch between two such beads is searched on its own, with the document's evidence. A 1-0 or 0-1
 * bead has no position on its empty side, so it is kept by its cost instead: any other bead that
 * holds its sentence is priced out.
 */
export interface FixedBead {
  zh: readonly number[];
  en: readonly number[];
}

/** A stretch of both sides between fixed points: zh [zhStart, zhEnd), en [enStart, enEnd). */
interface Stretch {
  zhStart: number;
  zhEnd: number;
  enStart: number;
  enEnd: number;
}

/** Large enough that no path takes it, finite so that posterior sums stay numbers. */
const EXCLUDED = 1e9;

/**
 * The beads as ranges, checked: each side's ids consecutive and within the text, not both sides
 * empty, and the beads in order without overlap on either side. `what` names them in messages.
 */
export function beadRanges(
  beads: readonly FixedBead[],
  zhCount: number,
  enCount: number,
  what: string,
): RangeBead[] {
  return beads.map((bead, k) => {
    const side = (ids: readonly number[], count: number, lang: string) => {
      ids.forEach((id, i) => {
        if (!Number.isInteger(id) || id < 0 || id >= count)
          throw new BitextError(
            'BAD_OPTION',
            `${what} ${k}: ${lang} id ${id} is not one of the ${count} ${lang} sentences`,
          );
        if (i > 0 && id !== ids[i - 1]! + 1)
          throw new BitextError(
            'BAD_OPTION',
            `${what} ${k}: ${lang} ids ${ids.join(',')} are not consecutive`,
          );
      });
    };
    side(bead.zh, zhCount, 'zh');
    side(bead.en, enCount, 'en');
    if (bead.zh.length === 0 && bead.en.length === 0)
      throw new BitextError('BAD_OPTION', `${what} ${k} has no sentence on either side`);
    const zhStart = bead.zh[0] ?? Number.NaN;
    const enStart = bead.en[0] ?? Number.NaN;
    // An empty side has no position: NaN, so that a caller cannot mistake it for one.
    return {
      zhStart,
      zhEnd: zhStart + bead.zh.length,
      enStart,
      enEnd: enStart + bead.en.length,
      cost: 0,
    };
  });
}

/** Fixed beads as sorted fixed points (both sides) and 1-0/0-1 beads (one side), checked for order. */
export function fixedPoints(
  fixed: readonly FixedBead[],
  zhCount: number,
  enCount: number,
): { points: RangeBead[]; zhAlone: Set<number>; enAlone: Set<number> } {
  const ranges = beadRanges(fixed, zhCount, enCount, 'fixed bead');
  const points = ranges
    .map((range, index) => ({ range, index }))
    .filter(({ range }) => !Number.isNaN(range.zhStart) && !Number.isNaN(range.enStart))
    .sort((a, b) => a.range.zhStart - b.range.zhStart);
  for (let k = 1; k < points.length; k++) {
    const [before, after] = [points[k - 1]!, points[k]!];
    if (after.range.zhStart < before.range.zhEnd || after.range.enStart < before.range.enEnd)
      throw new BitextError('BAD_OPTION', `fixed beads ${before.index} and ${after.index} overlap or cross`);
  }
  const zhAlone = new Set(ranges.filter((r) => Number.isNaN(r.enStart)).map((r) => r.zhStart));
  const enAlone = new Set(ranges.filter((r) => Number.isNaN(r.zhStart)).map((r) => r.enStart));
  return { points: points.map((p) => p.range), zhAlone, enAlone };
}

/** The cost that keeps fixed 1-0/0-1 beads: a bead holding such a sentence must be that bead alone. */
export function aloneCost(zhAlone: ReadonlySet<number>, enAlone: ReadonlySet<number>): RangeCost {
  return (zs, ze, es, ee) => {
    for (const i of zhAlone) if (i >= zs && i < ze && (ee > es || ze - zs > 1)) return EXCLUDED;
    for (const j of enAlone) if (j >= es && j < ee && (ze > zs || ee - es > 1)) return EXCLUDED;
    return 0;
  };
}

function stretchesBetween(points: readonly RangeBead[], zhCount: number, enCount: number): Stretch[] {
  const out: Stretch[] = [];
  let zh = 0;
  let en = 0;
  for (const p of points) {
    out.push({ zhStart: zh, zhEnd: p.zhStart, enStart: en, enEnd: p.enStart });
    zh = p.zhEnd;
    en = p.enEnd;
  }
  out.push({ zhStart: zh, zhEnd: zhCount, enStart: en, enEnd: enCount });
  return out;
}

/**
 * `cost` over a stretch's sentences, the stretch set before each use (`to`): one function for every
 * stretch, so the searches and the posteriors wrap it in one kernel (kernelCostOf), not one per
 * stretch (mac-dev with every other gold bead fixed made ~2,600 instances). It keeps no band's
 * values (keepCosts): the same local coordinates stand for another stretch's beads next time.
 */
function shiftedCost(cost: RangeCost): { cost: RangeCost; to(s: Stretch): void } {
  let zh = 0;
  let en = 0;
  const local: RangeCost = (zs, ze, es, ee) => cost(zs + zh, ze + zh, es + en, ee + en);
  neverKept(local);
  return {
    cost: local,
    to: (s) => {
      zh = s.zhStart;
      en = s.enStart;
    },
  };
}

function shift(beads: readonly RangeBead[], dz: number, de: number): RangeBead[] {
  return beads.map((b) => ({
    zhStart: b.zhStart + dz,
    zhEnd: b.zhEnd + dz,
    enStart: b.enStart + de,
    enEnd: b.enEnd + de,
    cost: b.cost,
  }));
}

/** A stretch with one side empty: its sentences are 1-0 or 0-1 beads, nothing to search. */
function unpairedStretch(s: Stretch, cost: RangeCost): RangeBead[] {
  const out: RangeBead[] = [];
  for (let i = s.zhStart; i < s.zhEnd; i++)
    out.push({
      zhStart: i,
      zhEnd: i + 1,
      enStart: s.enStart,
      enEnd: s.enStart,
      cost: cost(i, i + 1, s.enStart, s.enStart),
    });
  for (let j = s.enStart; j < s.enEnd; j++)
    out.push({
      zhStart: s.zhEnd,
      zhEnd: s.zhEnd,
      enStart: j,
      enEnd: j + 1,
      cost: cost(s.zhEnd, s.zhEnd, j, j + 1),
    });
  return out;
}

/**
 * The search run on each stretch between fixed points (with the previous path's beads of that
 * stretch as its guide), the fixed beads kept between them.
 */
export function searchBetween(
  zhCount: number,
  enCount: number,
  points: readonly RangeBead[],
  cost: RangeCost,
  search: (zhCount: number, enCount: number, cost: RangeCost, guide?: readonly RangeBead[]) => RangeBead[],
  guide?: readonly RangeBead[],
): RangeBead[] {
  const path: RangeBead[] = [];
  const local = shiftedCost(cost);
  stretchesBetween(points, zhCount, enCount).forEach((s, k) => {
    const zh = s.zhEnd - s.zhStart;
    const en = s.enEnd - s.enStart;
    if (zh === 0 || en === 0) path.push(...unpairedStretch(s, cost));
    else {
      const inside = guide?.filter(
        (b) => b.zhStart >= s.zhStart && b.zhEnd <= s.zhEnd && b.enStart >= s.enStart && b.enEnd <= s.enEnd,
      );
      local.to(s);
      path.push(
        ...shift(
          search(zh, en, local.cost, inside && shift(inside, -s.zhStart, -s.enStart)),
          s.zhStart,
          s.enStart,
        ),
      );
    }
    const p = points[k];
    if (p) path.push({ ...p, cost: cost(p.zhStart, p.zhEnd, p.enStart, p.enEnd) });
  });
  return path;
}

/** Posteriors of a path's beads computed stretch by stretch; a fixed bead is certain (1). */
export function posteriorsBetween(
  zhCount: number,
  enCount: number,
  points: readonly RangeBead[],
  path: readonly RangeBead[],
  cost: RangeCost,
  posteriors: (zhCount: number, enCount: number, path: readonly RangeBead[], cost: RangeCost) => number[],
): number[] {
  const out = new Array<number>(path.length).fill(1);
  const key = (b: RangeBead) => `${b.zhStart},${b.zhEnd},${b.enStart},${b.enEnd}`;
  const pointKeys = new Set(points.map(key));
  const local = shiftedCost(cost);
  for (const s of stretchesBetween(points, zhCount, enCount)) {
    if (s.zhEnd === s.zhStart || s.enEnd === s.enStart) continue;
    const indices: number[] = [];
    path.forEach((b, k) => {
      if (
        !pointKeys.has(key(b)) &&
        b.zhStart >= s.zhStart &&
        b.zhEnd <= s.zhEnd &&
        b.enStart >= s.enStart &&
        b.enEnd <= s.enEnd
      )
        indices.push(k);
    });
    const sub = shift(
      indices.map((k) => path[k]!),
      -s.zhStart,
      -s.enStart,
    );
    local.to(s);
    const values = posteriors(s.zhEnd - s.zhStart, s.enEnd - s.enStart, sub, local.cost);
    indices.forEach((k, n) => {
      out[k] = values[n]!;
    });
  }
  return out;
}

/**
 * An edited alignment as a path of ranges: the beads must cover every sentence of both sides once, in
 * order (an empty side sits where the path is). Throws BitextError BAD_OPTION naming the first bead
 * that does not follow on.
 */
export function pathOf(beads: readonly FixedBead[], zhCount: number, enCount: number): RangeBead[] {
  beadRanges(beads, zhCount, enCount, 'bead');
  let zh = 0;
  let en = 0;
  const path = beads.map((bead, k) => {
    const zhStart = bead.zh[0] ?? zh;
    const enStart = bead.en[0] ?? en;
    if (zhStart !== zh || enStart !== en)
      throw new BitextError(
        'BAD_OPTION',
        `bead ${k} starts at zh ${zhStart}, en ${enStart}; expected zh ${zh}, en ${en}`,
      );
    zh += bead.zh.length;
    en += bead.en.length;
    return { zhStart, zhEnd: zh, enStart, enEnd: en, cost: 0 };
  });
  if (zh !== zhCount || en !== enCount)
    throw new BitextError(
      'BAD_OPTION',
      `the beads end at zh ${zh}, en ${en}; the text has ${zhCount} zh and ${enCount} en sentences`,
    );
  return path;
}
