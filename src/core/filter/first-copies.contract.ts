import { describe, expect, it } from 'vitest';
import { Deduplicator, type FirstCopyIndex, MemoryFirstCopies } from './dedupe.js';

/**
 * What every FirstCopyIndex must do under the Deduplicator: the same verdicts, naming the same
 * first copies, as the in-memory index. A backend's test file calls this with a factory of fresh,
 * empty indexes (and a `close` for those that hold a resource).
 */
export function runFirstCopyContract(
  name: string,
  makeIndex: () => FirstCopyIndex & { close?(): void },
): void {
  const GOOD = {
    zh: '王广成汇报了重庆市2020年外事工作情况及2021年工作计划。',
    en: "Wang Guangcheng reported Chongqing's foreign affairs work in 2020 and its work plan for 2021.",
  };

  describe(`FirstCopyIndex contract: ${name}`, () => {
    it('drops exact and near copies (width, case, punctuation, Traditional), naming the first copy', () => {
      const index = makeIndex();
      try {
        const dedupe = new Deduplicator({ exact: true, near: true }, index);
        expect(dedupe.check(GOOD.zh, GOOD.en, { file: 'a.tsv', line: 3 })).toEqual({ duplicate: false });
        expect(dedupe.check(GOOD.zh, GOOD.en, { file: 'b.tsv', line: 9 })).toEqual({
          duplicate: true,
          rule: 'duplicate',
          first: { file: 'a.tsv', line: 3 },
        });
        const traditional = '王廣成匯報了重慶市２０２０年外事工作情況及２０２１年工作計劃';
        const shouted = GOOD.en.toUpperCase().replace(/\./g, '');
        const near = { duplicate: true, rule: 'near-duplicate', first: { file: 'a.tsv', line: 3 } };
        expect(dedupe.check(traditional, shouted, { file: 'c.tmx', unit: 4 })).toEqual(near);
        // A near copy's own exact copy is a near copy of the first too, not a copy of the near copy.
        expect(dedupe.check(traditional, shouted, { file: 'c.tmx', unit: 7 })).toEqual(near);
        expect(dedupe.check(GOOD.zh, `${GOOD.en} Again.`, { file: 'c.tmx', unit: 5 })).toEqual({
          duplicate: false,
        });
      } finally {
        index.close?.();
      }
    });

    it('with near-duplicates off, a near copy is kept and exact copies still go', () => {
      const index = makeIndex();
      try {
        const dedupe = new Deduplicator({ exact: true, near: false }, index);
        expect(dedupe.check(GOOD.zh, GOOD.en, { file: 'a.tsv', line: 1 }).duplicate).toBe(false);
        expect(dedupe.check(GOOD.zh, GOOD.en.toUpperCase(), { file: 'a.tsv', line: 2 }).duplicate).toBe(
          false,
        );
        expect(dedupe.check(GOOD.zh, GOOD.en, { file: 'a.tsv', line: 3 })).toMatchObject({
          rule: 'duplicate',
        });
      } finally {
        index.close?.();
      }
    });

    it('gives the in-memory verdicts over 60,000 pairs, a copy every few, across files', () => {
      const index = makeIndex();
      try {
        const reference = new Deduplicator({ exact: true, near: true }, new MemoryFirstCopies());
        const dedupe = new Deduplicator({ exact: true, near: true }, index);
        const expected: unknown[] = [];
        const verdicts: unknown[] = [];
        for (let i = 0; i < 60_000; i++) {
          // Every 7th pair repeats an earlier one exactly; every 11th in upper case (a near copy).
          const n = i % 7 === 0 ? Math.floor(i / 3) : i;
          const en = `Sentence number ${n} of the test.`;
          const pair = { zh: `第${n}句测试。`, en: i % 11 === 0 ? en.toUpperCase() : en };
          const origin = { file: `part-${i % 3}.tsv`, line: i + 1 };
          expected.push(reference.check(pair.zh, pair.en, origin));
          verdicts.push(dedupe.check(pair.zh, pair.en, origin));
        }
        expect(verdicts).toEqual(expected);
        expect(expected.filter((v) => (v as { duplicate: boolean }).duplicate).length).toBeGreaterThan(5_000);
      } finally {
        index.close?.();
      }
    });
  });
}
