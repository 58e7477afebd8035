import { describe, expect, it } from 'vitest';
import type { BeadShape } from './bead-shapes.js';
import { alignSentences } from './index.js';
import { beadPosteriors } from './posterior.js';
import { type RangeBead, type RangeCost, searchAlignment } from './search.js';

const SHAPES: BeadShape[] = [
  { zh: 1, en: 1, cost: 0 },
  { zh: 1, en: 0, cost: 2 },
  { zh: 0, en: 1, cost: 2 },
  { zh: 1, en: 2, cost: 1 },
  { zh: 2, en: 1, cost: 1 },
];

/** Every monotone path from (0,0) to (n,m) with its beads and total cost. */
function allPaths(n: number, m: number, cost: RangeCost): Array<{ beads: string[]; total: number }> {
  if (n === 0 && m === 0) return [{ beads: [], total: 0 }];
  const out: Array<{ beads: string[]; total: number }> = [];
  for (const shape of SHAPES) {
    const pi = n - shape.zh;
    const pj = m - shape.en;
    if (pi < 0 || pj < 0) continue;
    for (const prefix of allPaths(pi, pj, cost)) {
      out.push({
        beads: [...prefix.beads, `${pi}-${n}:${pj}-${m}`],
        total: prefix.total + shape.cost + cost(pi, n, pj, m),
      });
    }
  }
  return out;
}

describe('beadPosteriors', () => {
  // A pseudo-random but fixed cost per bead range, so many paths compete.
  const cost: RangeCost = (zs, ze, es, ee) => ((zs * 7 + ze * 13 + es * 5 + ee * 11) % 9) / 3;

  it('equals the posterior from enumerating every path (forward–backward is exact in a wide band)', () => {
    const [n, m] = [4, 5];
    const path = searchAlignment(n, m, { shapes: SHAPES, cost });
    const temperature = 1.5;
    const posteriors = beadPosteriors(n, m, path, { shapes: SHAPES, cost, bandWidth: 10, temperature });
    const paths = allPaths(n, m, cost);
    const z = paths.reduce((sum, p) => sum + Math.exp(-p.total / temperature), 0);
    path.forEach((bead, k) => {
      const key = `${bead.zhStart}-${bead.zhEnd}:${bead.enStart}-${bead.enEnd}`;
      const mass = paths
        .filter((p) => p.beads.includes(key))
        .reduce((sum, p) => sum + Math.exp(-p.total / temperature), 0);
      expect(posteriors[k]).toBeCloseTo(mass / z, 10);
    });
  });

  it('is near 1 for a bead no alternative comes close to, and lower where alternatives compete', () => {
    const path: RangeBead[] = [
      { zhStart: 0, zhEnd: 1, enStart: 0, enEnd: 1, cost: 0 },
      { zhStart: 1, zhEnd: 2, enStart: 1, enEnd: 2, cost: 0 },
    ];
    const decisive: RangeCost = (zs, ze, es, ee) => (ze - zs === 1 && ee - es === 1 && zs === es ? 0 : 20);
    const sure = beadPosteriors(2, 2, path, { shapes: SHAPES, cost: decisive, bandWidth: 3, temperature: 1 });
    expect(sure.every((p) => p > 0.999)).toBe(true);
    const flat: RangeCost = () => 0;
    const unsure = beadPosteriors(2, 2, path, { shapes: SHAPES, cost: flat, bandWidth: 3, temperature: 1 });
    expect(unsure.every((p) => p < 0.9)).toBe(true);
  });

  it('reads back the bead costs the guided search evaluated as the very numbers the cost gives', () => {
    const [n, m] = [30, 34];
    const first = searchAlignment(n, m, { shapes: SHAPES, cost });
    // A guided search remembers its band's bead costs under `cost`; the posteriors' wider band
    // (3 against 2) also asks for beads it did not evaluate.
    const path = searchAlignment(n, m, { shapes: SHAPES, cost, guide: first, bandWidth: 2 });
    const options = { shapes: SHAPES, bandWidth: 3, temperature: 1.5 };
    const remembered = beadPosteriors(n, m, path, { ...options, cost });
    const fresh = beadPosteriors(n, m, path, { ...options, cost: (zs, ze, es, ee) => cost(zs, ze, es, ee) });
    expect(remembered).toEqual(fresh);
  });
});

describe('alignSentences confidence', () => {
  it('is high for every bead of a clean translation, whatever the bead length', () => {
    const zh = [
      '今天天气很好。',
      '我们去北京参观了博物馆，看到了很多历史文物和书画作品。',
      '晚上我们回家了。',
    ];
    const en = [
      'The weather is fine today.',
      'We went to Beijing and visited the museum, where we saw many historical relics, paintings and calligraphy.',
      'In the evening we went home.',
    ];
    const beads = alignSentences(zh, en);
    expect(beads.map((b) => [b.zh, b.en])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
    for (const bead of beads) expect(bead.confidence).toBeGreaterThan(0.9);
  });
});
