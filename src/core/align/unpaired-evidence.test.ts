import { describe, expect, it } from 'vitest';
import { inRuns } from './unpaired-evidence.js';

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
