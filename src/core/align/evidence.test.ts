import { describe, expect, it } from 'vitest';
import { CROSSING_EN as en, CROSSING_ZH as zh } from '../../../test/support/crossing-lengths.js';
import { BoundedCache } from '../bounded-cache.js';
import type { Bead } from '../types.js';
import { alignSentences, DEFAULT_EVIDENCE, type EvidenceKind, type RangeBead, TUNING } from './index.js';
import { nameTokens, PINYIN_CACHE_LIMIT, pinyinCacheSize } from './names-evidence.js';

const shape = (beads: readonly Bead[]) => beads.map((b) => [b.zh, b.en]);

/** A kind that wants zh sentences 2 and 3 in one bead with en 2 and 3 (a caller's own evidence). */
const joinLastTwo: EvidenceKind<{ weight: number }> = {
  name: 'join-last-two',
  summary: 'test: the last two sentences of each side belong together',
  phase: 'document',
  weights: { weight: 50 },
  provenance: 'none (a test)',
  build: (_input, w) => ({
    costs: [(zs, ze, es, ee) => (zs === 2 && ze === 4 && es === 2 && ee === 4 ? -w.weight : 0)],
  }),
};

describe('evidence as a list of kinds', () => {
  it('uses a kind given to one call, and only in that call', () => {
    const before = alignSentences(zh, en);
    expect(shape(before)).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
    ]);
    const withKind = alignSentences(zh, en, { kinds: [...DEFAULT_EVIDENCE, joinLastTwo as EvidenceKind] });
    expect(shape(withKind)).toEqual([
      [[0], [0]],
      [[1], [1]],
      [
        [2, 3],
        [2, 3],
      ],
    ]);
    // Its weight, per call: at 0 it says nothing.
    const weightless = alignSentences(zh, en, {
      kinds: [...DEFAULT_EVIDENCE, joinLastTwo as EvidenceKind],
      tuning: { weights: { 'join-last-two': { weight: 0 } } },
    });
    expect(weightless).toEqual(before);
    // Another call, after: as if the kind had never been used.
    expect(alignSentences(zh, en)).toEqual(before);
    // Switched off by name like a built-in kind.
    expect(
      alignSentences(zh, en, {
        kinds: [...DEFAULT_EVIDENCE, joinLastTwo as EvidenceKind],
        evidence: { 'join-last-two': false },
      }),
    ).toEqual(before);
  });

  it('gives a calibrated kind the path of the pass before', () => {
    const seen: (readonly RangeBead[] | undefined)[] = [];
    const watcher: EvidenceKind = {
      name: 'watcher',
      summary: 'test: records what it is given',
      phase: 'calibrated',
      weights: {},
      provenance: 'none (a test)',
      build: (_input, _w, previous) => {
        seen.push(previous);
        return undefined;
      },
    };
    alignSentences(zh, en, { kinds: [...DEFAULT_EVIDENCE, watcher] });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((b) => [b.zhStart, b.zhEnd, b.enStart, b.enEnd])).toEqual([
      [0, 1, 0, 1],
      [1, 2, 1, 2],
      [2, 3, 2, 3],
      [3, 4, 3, 4],
    ]);
  });

  it('runs as many later passes as a calibrated kind asks for, keeping the others as last built', () => {
    const calls: string[] = [];
    const progress: number[][] = [];
    const watcher = (name: string, rounds: number): EvidenceKind<{ rounds: number }> => ({
      name,
      summary: 'test: records when it is built',
      phase: 'calibrated',
      weights: { rounds },
      provenance: 'none (a test)',
      rounds: (w) => w.rounds,
      build: () => {
        calls.push(name);
        return { costs: [() => 0] };
      },
    });
    alignSentences(zh, en, {
      kinds: [...DEFAULT_EVIDENCE, watcher('twice', 2), watcher('once', 1)] as EvidenceKind[],
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(calls).toEqual(['twice', 'once', 'twice']);
    // The first pass, two later ones, the posteriors.
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('takes tuning per call and changes nothing global', () => {
    const before = alignSentences(zh, en);
    // Length alone with a cheap 2-2 bead merges the crossing lengths (as the dictionary test shows).
    const tuned = alignSentences(zh, en, {
      evidence: { dictionary: false, learned: false },
      tuning: { manyToManyCost: 0, weights: { length: { weight: 1 } } },
    });
    expect(shape(tuned)).not.toEqual(shape(before));
    expect(alignSentences(zh, en)).toEqual(before);
    expect(Object.isFrozen(TUNING)).toBe(true);
    expect(Object.isFrozen(DEFAULT_EVIDENCE)).toBe(true);
    for (const kind of DEFAULT_EVIDENCE) expect(Object.isFrozen(kind.weights)).toBe(true);
    expect(() => {
      (TUNING as { emptyCost: number }).emptyCost = 0;
    }).toThrow(TypeError);
  });

  it('rejects a name that is no kind of the call', () => {
    expect(() => alignSentences(zh, en, { evidence: { magic: false } })).toThrow(/unknown evidence "magic"/);
    expect(() => alignSentences(zh, en, { tuning: { weights: { magic: { weight: 1 } } } })).toThrow(
      /tuning.weights: unknown evidence "magic"/,
    );
  });

  it('lists each built-in kind with its phase, weights and where they were tuned', () => {
    for (const kind of DEFAULT_EVIDENCE) {
      expect(['document', 'calibrated']).toContain(kind.phase);
      expect(kind.provenance.length).toBeGreaterThan(10);
      expect(kind.summary.length).toBeGreaterThan(10);
    }
    expect(new Set(DEFAULT_EVIDENCE.map((k) => k.name)).size).toBe(DEFAULT_EVIDENCE.length);
  });
});

describe('module-level caches', () => {
  it('hold at most twice their limit and keep what is in use', () => {
    const cache = new BoundedCache<number, number>(3);
    for (let k = 0; k < 100; k++) {
      cache.set(k, k * k);
      expect(cache.size).toBeLessThanOrEqual(6);
      // Key 0 is used all along, so it is never dropped.
      expect(cache.get(0)).toBe(0);
    }
    expect(cache.get(50)).toBeUndefined();
    expect(cache.get(99)).toBe(99 * 99);
    // memo computes what it does not hold, once.
    let computed = 0;
    const square = (k: number) => {
      computed++;
      return k * k;
    };
    expect([cache.memo(7, square), cache.memo(7, square), cache.memo(99, square)]).toEqual([49, 49, 99 * 99]);
    expect(computed).toBe(1);
  });

  it("keep the names evidence's pinyin cache bounded over many documents' words", () => {
    // 2.5 times the limit of distinct two-character words, as a long-running server would meet them.
    const words: string[] = [];
    for (let k = 0; words.length < 2.5 * PINYIN_CACHE_LIMIT; k++)
      words.push(
        String.fromCodePoint(0x4e00 + (k % 2000)) +
          String.fromCodePoint(0x4e00 + 2000 + Math.floor(k / 2000)),
      );
    for (let at = 0; at < words.length; at += 5000)
      nameTokens([words.slice(at, at + 5000)], ['Wang Guangcheng came.']);
    expect(pinyinCacheSize()).toBeGreaterThan(0);
    expect(pinyinCacheSize()).toBeLessThanOrEqual(2 * PINYIN_CACHE_LIMIT);
  });
});
