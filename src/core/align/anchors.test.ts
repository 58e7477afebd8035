import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { SAMPLE_EN, SAMPLE_ZH } from '../../../test/support/sample.js';
import { fixedPoints, posteriorsBetween, searchBetween } from './anchors.js';
import { BEAD_SHAPES } from './bead-shapes.js';
import { alignSentences, scoreAlignment } from './index.js';
import { beadPosteriors } from './posterior.js';
import { type RangeBead, type RangeCost, searchAlignment } from './search.js';

// The founding sample: 5 Chinese sentences, their 5 English translations, one per paragraph.
const ids = (beads: ReadonlyArray<{ zh: readonly number[]; en: readonly number[] }>) =>
  beads.map((b) => `[${b.zh.join(',')}]:[${b.en.join(',')}]`);
const oneToOne = ['[0]:[0]', '[1]:[1]', '[2]:[2]', '[3]:[3]', '[4]:[4]'];
const paragraphs = (n: number) => [...Array(n).keys()];
const TITLE = '市外辦赴京匯報民間對外交往工作';
const DATELINE = '發布時間：2021-04-15　來源：市政府外辦';

describe('alignment with fixed beads', () => {
  it('keeps the fixed beads and re-aligns only between them', () => {
    expect(ids(alignSentences(SAMPLE_ZH, SAMPLE_EN))).toEqual(oneToOne);
    // A user joins the first two Chinese sentences to the first English one: the rest is re-aligned
    // around that choice (the second English sentence now has no partner), nothing crosses it.
    const beads = alignSentences(SAMPLE_ZH, SAMPLE_EN, { fixed: [{ zh: [0, 1], en: [0] }] });
    expect(ids(beads)).toEqual(['[0,1]:[0]', '[]:[1]', '[2]:[2]', '[3]:[3]', '[4]:[4]']);
    expect(beads[0]!.confidence).toBe(1);
  });

  it('keeps a fixed 1-0 bead: that sentence stays alone', () => {
    const zh = [TITLE, ...SAMPLE_ZH];
    // Without the line-shape evidence the title would be glued; fixed, it stays alone.
    const glued = alignSentences(zh, SAMPLE_EN, { evidence: { unpaired: false } });
    expect(ids(glued)[0]).toBe('[0,1]:[0]');
    const beads = alignSentences(zh, SAMPLE_EN, {
      evidence: { unpaired: false },
      fixed: [{ zh: [0], en: [] }],
    });
    expect(ids(beads)).toEqual(['[0]:[]', '[1]:[0]', '[2]:[1]', '[3]:[2]', '[4]:[3]', '[5]:[4]']);
  });

  it('refuses fixed beads that cross, overlap or name sentences that do not exist', () => {
    expect(() =>
      alignSentences(SAMPLE_ZH, SAMPLE_EN, {
        fixed: [
          { zh: [0], en: [1] },
          { zh: [1], en: [0] },
        ],
      }),
    ).toThrow(/fixed beads 0 and 1 overlap or cross/);
    expect(() => alignSentences(SAMPLE_ZH, SAMPLE_EN, { fixed: [{ zh: [7], en: [0] }] })).toThrow(
      /zh id 7 is not one of the 5 zh sentences/,
    );
    expect(() => alignSentences(SAMPLE_ZH, SAMPLE_EN, { fixed: [{ zh: [0, 2], en: [0] }] })).toThrow(
      /not consecutive/,
    );
  });
});

describe('scoreAlignment', () => {
  const zh = [TITLE, DATELINE, ...SAMPLE_ZH];
  const options = { zhParagraphs: paragraphs(zh.length), enParagraphs: paragraphs(SAMPLE_EN.length) };

  it('scores the aligner’s own alignment as the aligner does', () => {
    const beads = alignSentences(zh, SAMPLE_EN, options);
    expect(ids(beads).slice(0, 3)).toEqual(['[0]:[]', '[1]:[]', '[2]:[0]']);
    const scores = scoreAlignment(zh, SAMPLE_EN, beads, options);
    scores.forEach((score, k) => {
      expect(score).toBeCloseTo(beads[k]!.confidence, 1);
    });
  });

  it('gives a bead that glues an untranslated line a low confidence', () => {
    const right = alignSentences(zh, SAMPLE_EN, options);
    const glued = [{ zh: [0, 1, 2], en: [0] }, ...right.slice(3)];
    const scores = scoreAlignment(zh, SAMPLE_EN, glued, options);
    expect(scores[0]).toBeLessThan(0.1);
    // The beads the edit did not touch keep their confidence.
    expect(scores.slice(1)).toEqual(right.slice(3).map((b) => expect.closeTo(b.confidence, 1)));
  });

  it('refuses beads that do not cover both sides in order', () => {
    expect(() => scoreAlignment(SAMPLE_ZH, SAMPLE_EN, [{ zh: [0], en: [0] }])).toThrow(
      /the beads end at zh 1, en 1/,
    );
    expect(() =>
      scoreAlignment(SAMPLE_ZH, SAMPLE_EN, [
        { zh: [1], en: [0] },
        { zh: [0], en: [1] },
      ]),
    ).toThrow(/bead 0 starts at zh 1/);
  });

  it('searches and scores each stretch between fixed beads as that stretch alone', () => {
    // A cost of random values per bead; a guided search keeps what it weighed (keepCosts), which
    // must not be read back for another stretch's beads at the same local coordinates.
    const next = seededRandom(13);
    const values = new Map<string, number>();
    const cost: RangeCost = (zs, ze, es, ee) => {
      const key = `${zs} ${ze} ${es} ${ee}`;
      if (!values.has(key)) values.set(key, Math.floor(next() * 40) / 8);
      return values.get(key)!;
    };
    const [n, m] = [40, 44];
    const { points } = fixedPoints(
      [
        { zh: [12], en: [13] },
        { zh: [25, 26], en: [28] },
      ],
      n,
      m,
    );
    const guide = searchAlignment(n, m, { shapes: BEAD_SHAPES, cost });
    const search = (zhCount: number, enCount: number, c: RangeCost, g?: readonly RangeBead[]) =>
      searchAlignment(zhCount, enCount, { shapes: BEAD_SHAPES, cost: c, guide: g, bandWidth: 3 });
    const posteriors = (zhCount: number, enCount: number, p: readonly RangeBead[], c: RangeCost) =>
      beadPosteriors(zhCount, enCount, p, { shapes: BEAD_SHAPES, cost: c, bandWidth: 3, temperature: 1.5 });
    const path = searchBetween(n, m, points, cost, search, guide);
    const confidences = posteriorsBetween(n, m, points, path, cost, posteriors);
    // Each stretch alone, with a cost of its own.
    const stretches = [
      { zh: [0, 12], en: [0, 13] },
      { zh: [13, 25], en: [14, 28] },
      { zh: [27, 40], en: [29, 44] },
    ];
    for (const { zh, en } of stretches) {
      const [zs, ze] = zh as [number, number];
      const [es, ee] = en as [number, number];
      const own: RangeCost = (a, b, c, d) => cost(a + zs, b + zs, c + es, d + es);
      const inside = guide
        .filter((b) => b.zhStart >= zs && b.zhEnd <= ze && b.enStart >= es && b.enEnd <= ee)
        .map((b) => ({
          ...b,
          zhStart: b.zhStart - zs,
          zhEnd: b.zhEnd - zs,
          enStart: b.enStart - es,
          enEnd: b.enEnd - es,
        }));
      const alone = search(ze - zs, ee - es, own, inside);
      const found = path.filter((b) => b.zhStart >= zs && b.zhEnd <= ze && b.enStart >= es && b.enEnd <= ee);
      expect(found.map((b) => [b.zhStart - zs, b.zhEnd - zs, b.enStart - es, b.enEnd - es])).toEqual(
        alone.map((b) => [b.zhStart, b.zhEnd, b.enStart, b.enEnd]),
      );
      const scored = posteriors(ze - zs, ee - es, alone, own);
      expect(found.map((b) => confidences[path.indexOf(b)])).toEqual(scored);
    }
  });
});
