import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBlock, PostingBuilder } from './posting-blocks.js';

const ascending = fc
  .uniqueArray(fc.integer({ min: 1, max: 2 ** 40 }), { maxLength: 200 })
  .map((ids) => ids.sort((a, b) => a - b));

describe('posting blocks', () => {
  it('decode what the builder encodes, for ids up to 2^40, and drop only the ids asked', () => {
    fc.assert(
      fc.property(ascending, (ids) => {
        const builder = new PostingBuilder();
        for (const id of ids) builder.add(id, ['k']);
        const [block] = [...builder.blocks()];
        expect(block ? decodeBlock(block.bytes) : []).toEqual(ids);
        const dropped = new Set(ids.filter((_, i) => i % 3 === 1));
        const [kept] = [...builder.blocks(dropped, new Set(['k']))];
        expect(kept ? decodeBlock(kept.bytes) : []).toEqual(ids.filter((id) => !dropped.has(id)));
      }),
      { numRuns: 300 },
    );
  });

  it('builds one block per key, keys in code-point order, without the ids of units not stored', () => {
    const builder = new PostingBuilder();
    builder.add(3, ['重庆', 'echongqing', 'x1']);
    builder.add(7, ['重庆', 'eforeign']);
    builder.add(300, ['重庆', 'echongqing']);
    const blocks = (dropped?: Set<number>, keys?: Set<string>) =>
      [...builder.blocks(dropped, keys)].map((b) => [b.key, b.count, decodeBlock(b.bytes)]);
    expect(blocks()).toEqual([
      ['echongqing', 2, [3, 300]],
      ['eforeign', 1, [7]],
      ['x1', 1, [3]],
      ['重庆', 3, [3, 7, 300]],
    ]);
    expect(blocks(new Set([7, 3]), new Set(['重庆', 'echongqing', 'x1', 'eforeign']))).toEqual([
      ['echongqing', 1, [300]],
      ['重庆', 1, [300]],
    ]);
  });
});
