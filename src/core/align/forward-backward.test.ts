import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { beadShapes } from './bead-shapes.js';
import { cellAt, forwardBackward, latticeAround } from './forward-backward.js';
import type { RangeCost } from './search.js';

describe('forward–backward', () => {
  it('sums every path of a whole small table, each way, as −log Σ exp(−cost/T)', () => {
    const next = seededRandom(9);
    const memo = new Map<string, number>();
    const cost: RangeCost = (zs, ze, es, ee) => {
      const key = `${zs} ${ze} ${es} ${ee}`;
      if (!memo.has(key)) memo.set(key, next() * 6);
      return memo.get(key)!;
    };
    const shapes = beadShapes({ manyToMany: 4, empty: 6 });
    const [n, m, T] = [5, 6, 1.5];
    // A band wide enough to hold the whole table.
    const lattice = latticeAround(
      [{ zhStart: 0, zhEnd: n, enStart: 0, enEnd: m, cost: 0 }],
      shapes,
      n,
      m,
      10,
    );
    const { forward, backward, edges } = forwardBackward(lattice, cost, T);
    const logSumExp = (terms: number[]) => {
      if (terms.length === 0) return Number.POSITIVE_INFINITY;
      const min = Math.min(...terms);
      return min - Math.log(terms.reduce((sum, t) => sum + Math.exp(min - t), 0));
    };
    const edge = (s: number, pi: number, pj: number) =>
      (shapes[s]!.cost + cost(pi, pi + shapes[s]!.zh, pj, pj + shapes[s]!.en)) / T;
    const into = (i: number, j: number): number =>
      i === 0 && j === 0
        ? 0
        : logSumExp(
            shapes.flatMap((shape, s) => {
              const [pi, pj] = [i - shape.zh, j - shape.en];
              return pi < 0 || pj < 0 ? [] : [into(pi, pj) + edge(s, pi, pj)];
            }),
          );
    const outOf = (i: number, j: number): number =>
      i === n && j === m
        ? 0
        : logSumExp(
            shapes.flatMap((shape, s) => {
              const [ni, nj] = [i + shape.zh, j + shape.en];
              return ni > n || nj > m ? [] : [outOf(ni, nj) + edge(s, i, j)];
            }),
          );
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= m; j++) {
        const cell = cellAt(lattice.offsets, lattice.lo, i, j);
        expect(forward[cell], `forward ${i},${j}`).toBeCloseTo(into(i, j), 9);
        expect(backward[cell], `backward ${i},${j}`).toBeCloseTo(outOf(i, j), 9);
        shapes.forEach((shape, s) => {
          const [pi, pj] = [i - shape.zh, j - shape.en];
          if (pi >= 0 && pj >= 0) expect(edges[cell * shapes.length + s]).toBe(edge(s, pi, pj));
        });
      }
    // All paths, read from either end.
    expect(forward[cellAt(lattice.offsets, lattice.lo, n, m)]).toBeCloseTo(backward[0]!, 9);
  });

  it('gives a call made from inside another one’s cost a kernel of its own: both results stay right', () => {
    const shapes = beadShapes({ manyToMany: 4, empty: 6 });
    const plain: RangeCost = (zs, ze, es, ee) => Math.abs(ze - zs - (ee - es)) + ((zs * 7 + es * 3) % 5) / 4;
    const path = Array.from({ length: 30 }, (_, i) => ({
      zhStart: i,
      zhEnd: i + 1,
      enStart: i,
      enEnd: i + 1,
      cost: 0,
    }));
    const outer = latticeAround(path, shapes, 30, 30, 3);
    const inner = latticeAround(path.slice(0, 8), shapes, 8, 8, 3);
    const copy = (r: ReturnType<typeof forwardBackward>) => [...r.forward, ...r.backward, ...r.edges];
    const innerAlone = copy(forwardBackward(inner, plain, 1.5));
    const outerAlone = copy(forwardBackward(outer, plain, 1.5));
    let calls = 0;
    let nested: number[] | undefined;
    const nesting: RangeCost = (zs, ze, es, ee) => {
      if (++calls === 200) nested = copy(forwardBackward(inner, plain, 1.5));
      return plain(zs, ze, es, ee);
    };
    expect(copy(forwardBackward(outer, nesting, 1.5))).toEqual(outerAlone);
    expect(nested).toEqual(innerAlone);
  });
});
