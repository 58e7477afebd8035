import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { BEAD_SHAPES } from './bead-shapes.js';
import { type RangeCost, searchAlignment } from './search.js';

// Sentence i of each side has "content" i mod period: a text that repeats itself every `period`
// sentences, the hard case for coarse-to-fine search (a shift by one repeat looks as good).
const period = 40;
const repeatingCost: RangeCost = (zs, ze, es, ee) => {
  if (zs === ze || es === ee) return 0;
  let mismatch = 0;
  for (let i = zs; i < ze; i++) {
    let found = false;
    for (let j = es; j < ee; j++) if (i % period === j % period) found = true;
    if (!found) mismatch++;
  }
  return 4 * mismatch + 2 * (ze - zs + ee - es - 2);
};

describe('searchAlignment', () => {
  it('finds the diagonal of a repeating text coarse-to-fine without shifting by a repeat', () => {
    const n = 1600;
    const beads = searchAlignment(n, n, {
      shapes: BEAD_SHAPES,
      cost: repeatingCost,
      fullSearchCells: 600,
      bandWidth: 4,
    });
    expect(beads).toHaveLength(n);
    expect(
      beads.every((b) => b.zhStart === b.enStart && b.zhEnd === b.zhStart + 1 && b.enEnd === b.enStart + 1),
    ).toBe(true);
  });

  it('searches a band around a guide path only', () => {
    const guide = searchAlignment(30, 30, { shapes: BEAD_SHAPES, cost: repeatingCost });
    const seen: number[] = [];
    searchAlignment(30, 30, {
      shapes: BEAD_SHAPES,
      cost: (zs, ze, es, ee) => {
        seen.push(Math.abs(ze - ee));
        return repeatingCost(zs, ze, es, ee);
      },
      guide,
      bandWidth: 2,
    });
    // Every evaluated bead ends within the band (2 around the diagonal guide, plus the bead's own size).
    expect(Math.max(...seen)).toBeLessThanOrEqual(2 + 5);
  });

  it('keeps lines with no counterpart apart in a long text, where units are grouped by four', () => {
    // en is zh with an unrelated line inserted before zh sentences 500, 1201 and 1702: the path
    // crosses coarse levels of 16, 64 and 256 sentences and must still shift by exactly one line.
    const n = 2000;
    const inserted = new Set([500, 1201, 1702]);
    const zhOf: number[] = [];
    for (let j = 0, i = 0; j < n + inserted.size; j++) zhOf.push(inserted.has(j) ? -1 : i++);
    const cost: RangeCost = (zs, ze, es, ee) => {
      if (zs === ze || es === ee) return 0;
      let mismatch = 0;
      for (let i = zs; i < ze; i++) if (!zhOf.slice(es, ee).includes(i)) mismatch++;
      for (let j = es; j < ee; j++) if (zhOf[j]! < zs || zhOf[j]! >= ze) mismatch++;
      return 4 * mismatch;
    };
    const beads = searchAlignment(n, zhOf.length, { shapes: BEAD_SHAPES, cost, fullSearchCells: 600 });
    const unpaired = beads.filter((b) => b.zhStart === b.zhEnd).map((b) => b.enStart);
    expect(unpaired).toEqual([...inserted]);
    expect(beads.filter((b) => b.zhEnd - b.zhStart === 1 && b.enEnd - b.enStart === 1)).toHaveLength(n);
  });

  it('finds the cheapest path of a whole table, as the recurrence written plainly does', () => {
    const next = seededRandom(21);
    const memo = new Map<string, number>();
    const cost: RangeCost = (zs, ze, es, ee) => {
      const key = `${zs} ${ze} ${es} ${ee}`;
      if (!memo.has(key)) memo.set(key, Math.floor(next() * 50) / 8);
      return memo.get(key)!;
    };
    const [n, m] = [23, 26];
    const beads = searchAlignment(n, m, { shapes: BEAD_SHAPES, cost, fullSearchCells: 1000 });
    // D(i, j) = min over shapes of D(i − a, j − b) + shape cost + bead cost, D(0, 0) = 0.
    const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY));
    best[0]![0] = 0;
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= m; j++)
        for (const shape of BEAD_SHAPES) {
          const [pi, pj] = [i - shape.zh, j - shape.en];
          if (pi < 0 || pj < 0 || (i === 0 && j === 0)) continue;
          best[i]![j] = Math.min(best[i]![j]!, best[pi]![pj]! + shape.cost + cost(pi, i, pj, j));
        }
    const total = beads.reduce((sum, b) => {
      const shape = BEAD_SHAPES.find((s) => s.zh === b.zhEnd - b.zhStart && s.en === b.enEnd - b.enStart)!;
      expect(b.cost).toBeCloseTo(shape.cost + cost(b.zhStart, b.zhEnd, b.enStart, b.enEnd), 9);
      return sum + b.cost;
    }, 0);
    expect(total).toBeCloseTo(best[n]![m]!, 9);
  });

  it('gives a search begun inside another one’s cost a kernel of its own: both paths stay right', () => {
    const n = 200;
    const plain = searchAlignment(n, n, { shapes: BEAD_SHAPES, cost: repeatingCost, fullSearchCells: 600 });
    let calls = 0;
    let inner: ReturnType<typeof searchAlignment> | undefined;
    const nesting: RangeCost = (zs, ze, es, ee) => {
      if (++calls % 500 === 0) inner = searchAlignment(60, 60, { shapes: BEAD_SHAPES, cost: repeatingCost });
      return repeatingCost(zs, ze, es, ee);
    };
    const outer = searchAlignment(n, n, { shapes: BEAD_SHAPES, cost: nesting, fullSearchCells: 600 });
    expect(outer).toEqual(plain);
    expect(inner).toEqual(searchAlignment(60, 60, { shapes: BEAD_SHAPES, cost: repeatingCost }));
  });
});
