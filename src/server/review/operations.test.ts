import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation, type ReviewOperation } from './operations.js';
import { nextRisky, type ReviewBead } from './review-model.js';

const sentence = (text: string, source: number) => ({ text, source });
/** n 1:1 beads, sentences z0… and e0…, confidence 0.99. */
function beads(n: number): ReviewBead[] {
  return Array.from({ length: n }, (_, i) => ({
    zh: [sentence(`z${i}`, i)],
    en: [sentence(`e${i}`, i)],
    confidence: 0.99,
    status: 'pending' as const,
  }));
}
const texts = (list: ReviewBead[], side: 'zh' | 'en') => list.flatMap((b) => b[side].map((s) => s.text));

describe('review operations', () => {
  it('shift, pop, merge, split and insert-empty keep every sentence, in order, and leave no empty bead', () => {
    const operation = fc.oneof(
      fc.record({
        op: fc.constant('shift' as const),
        bead: fc.nat(12),
        side: fc.constantFrom('zh' as const, 'en' as const),
      }),
      fc.record({
        op: fc.constant('pop' as const),
        bead: fc.nat(12),
        side: fc.constantFrom('zh' as const, 'en' as const),
      }),
      fc.record({ op: fc.constant('merge' as const), bead: fc.nat(12) }),
      fc.record({ op: fc.constant('split' as const), bead: fc.nat(12) }),
      fc.record({ op: fc.constant('insert-empty' as const), bead: fc.nat(12) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations: ReviewOperation[]) => {
        let state = beads(8);
        for (const op of operations) {
          try {
            state = applyOperation(state, op);
          } catch (error) {
            expect((error as { code?: string }).code).toBe('REVIEW_BAD_OPERATION');
          }
        }
        expect(texts(state, 'zh')).toEqual(texts(beads(8), 'zh'));
        expect(texts(state, 'en')).toEqual(texts(beads(8), 'en'));
        expect(state.every((b) => b.zh.length + b.en.length > 0)).toBe(true);
      }),
    );
  });

  it('never changes its input, and a reshaped bead loses its confidence and confirmation', () => {
    const before = beads(3).map((b) => ({ ...b, status: 'confirmed' as const }));
    const copy = structuredClone(before);
    const merged = applyOperation(before, { op: 'merge', bead: 0 });
    expect(before).toEqual(copy);
    expect(merged[0]).toMatchObject({ confidence: null, status: 'pending' });
    expect(merged[1]).toEqual(before[2]);
  });

  it('splits and joins sentences, keeping their source id; edits text; swaps English', () => {
    let state = beads(2);
    state = applyOperation(state, { op: 'edit', bead: 0, side: 'en', sentence: 0, text: 'One. Two.' });
    state = applyOperation(state, { op: 'split-sentence', bead: 0, side: 'en', sentence: 0, at: 4 });
    expect(state[0]!.en).toEqual([sentence('One.', 0), sentence('Two.', 0)]);
    state = applyOperation(state, { op: 'join-sentences', bead: 0, side: 'en', sentence: 0 });
    expect(state[0]!.en).toEqual([sentence('One. Two.', 0)]);
    state = applyOperation(state, { op: 'swap', bead: 0 });
    expect(texts(state, 'en')).toEqual(['e1', 'One. Two.']);
    expect(() => applyOperation(state, { op: 'edit', bead: 0, side: 'zh', sentence: 0, text: ' ' })).toThrow(
      /empty/,
    );
  });

  it('confirm-above confirms up to the bead; the next risky bead is an unsure one first, then any unconfirmed', () => {
    let state = beads(5);
    state[3] = { ...state[3]!, confidence: 0.4 };
    expect(nextRisky(state, 0)).toBe(3);
    state = applyOperation(state, { op: 'confirm-above', bead: 3 });
    expect(state.map((b) => b.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'pending',
    ]);
    expect(nextRisky(state, 0)).toBe(4);
    expect(nextRisky(applyOperation(state, { op: 'confirm-all' }), 0)).toBe(-1);
  });
});
