import { describe, expect, it } from 'vitest';
import type { RangeCost } from './search.js';
import { inRuns, unpairedParagraphs } from './unpaired-evidence.js';

describe('inRuns (untranslated lines come in runs)', () => {
  it("raises a weak line inside a run of unpaired lines and lowers a lone line's doubt among translated ones", () => {
    const marginals = Float64Array.from([0.05, 0.05, 0.9, 0.95, 0.4, 0.9, 0.95, 0.05, 0.05, 0.6, 0.05, 0.05]);
    const posterior = inRuns(marginals, 0.15);
    // Line 4 has few words (0.4 alone) but sits in a run of unpaired lines.
    expect(posterior[4]).toBeGreaterThan(0.7);
    for (const i of [2, 3, 5, 6]) expect(posterior[i]).toBeGreaterThan(0.85);
    // Line 9 (0.6 alone) is one line among translated ones.
    expect(posterior[9]).toBeLessThan(0.5);
    for (const i of [0, 1, 7, 8, 10, 11]) expect(posterior[i]).toBeLessThan(0.1);
  });

  it('leaves the marginals as they are when neighbours say nothing (switch 0.5)', () => {
    const marginals = Float64Array.from([0.2, 0.9, 0.4]);
    expect(Array.from(inRuns(marginals, 0.5))).toEqual([0.2, 0.9, 0.4]);
  });

  it('is symmetric: a run read backwards gives the same posteriors backwards', () => {
    const marginals = [0.1, 0.8, 0.3, 0.9, 0.2, 0.7];
    const forward = Array.from(inRuns(Float64Array.from(marginals), 0.15));
    const backward = Array.from(inRuns(Float64Array.from([...marginals].reverse()), 0.15)).reverse();
    for (let i = 0; i < forward.length; i++) expect(backward[i]).toBeCloseTo(forward[i]!, 12);
  });
});

describe('unpairedParagraphs (the paragraph pass)', () => {
  // Sentence i of one side translates sentence i of the other, and nothing else: each shared
  // sentence pair in a bead lowers its cost, each sentence without its partner raises it.
  const diagonal: RangeCost = (zs, ze, es, ee) => {
    const shared = Math.max(0, Math.min(ze, ee) - Math.max(zs, es));
    return 3 * (ze - zs + ee - es - 2 * shared) - 4 * shared;
  };
  const tuning = { paragraphEmptyCost: 3, paragraphPosterior: 0.7, runSwitch: 0.15 };
  const flagged = (flags: Uint8Array) => flags.reduce((n, f) => n + f, 0);

  it("reads a side whose paragraphs are far fewer than the other side's by sentence: nothing translated is flagged", () => {
    // 24 sentences a side: the Chinese in two paragraphs of 12, the English a sentence per line.
    const zh = Array.from({ length: 24 }, (_, i) => (i < 12 ? 0 : 1));
    const en = Array.from({ length: 24 }, (_, i) => i);
    const flags = unpairedParagraphs(zh, en, diagonal, tuning);
    // As paragraphs, two Chinese units could hold at most six English lines (1-3 shapes): the other
    // 18 were left unpaired.
    expect([flagged(flags.zh), flagged(flags.en)]).toEqual([0, 0]);
    const reversed = unpairedParagraphs(en, zh, diagonal, tuning);
    expect([flagged(reversed.zh), flagged(reversed.en)]).toEqual([0, 0]);
  });

  it('still flags a run of English lines with no counterpart among them', () => {
    const zh = Array.from({ length: 24 }, (_, i) => (i < 12 ? 0 : 1));
    const en = Array.from({ length: 27 }, (_, i) => i);
    // English lines 10–12 are an untranslated passage: English j ≥ 13 translates Chinese j − 3.
    const passage: RangeCost = (zs, ze, es, ee) => {
      const inside = Math.max(0, Math.min(ee, 13) - Math.max(es, 10));
      const shift = (j: number) => (j >= 13 ? j - 3 : Math.min(j, 10));
      return diagonal(zs, ze, shift(es), shift(ee)) + 3 * inside;
    };
    const flags = unpairedParagraphs(zh, en, passage, tuning);
    expect(flagged(flags.zh)).toBe(0);
    expect(Array.from(flags.en).flatMap((f, j) => (f ? [j] : []))).toEqual([10, 11, 12]);
  });
});
