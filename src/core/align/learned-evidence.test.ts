import { describe, expect, it } from 'vitest';
import { learnTranslations } from './learned-evidence.js';

describe('learnTranslations (IBM Model 1 on a first alignment)', () => {
  const beads = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ zhStart: i, zhEnd: i + 1, enStart: i, enEnd: i + 1, cost: 0 }));

  it('learns a name no dictionary has from its recurrences', () => {
    // 韦小宝 is rendered "Trinket" throughout; the other words vary.
    const zh = [
      ['韦小宝', '笑'],
      ['韦小宝', '跑'],
      ['老人', '笑'],
      ['韦小宝', '老人'],
    ];
    const en = [
      ['trinket', 'laugh'],
      ['trinket', 'ran'],
      ['old', 'man', 'laugh'],
      ['trinket', 'old', 'man'],
    ];
    const learned = learnTranslations(zh, en, beads(4), { iterations: 5, threshold: 0.3, minCount: 2 });
    expect(learned.get('韦小宝')).toEqual(['trinket']);
    expect(learned.get('笑')).toContain('laugh');
    // Seen once: not learned (it would only learn its own bead back).
    expect(learned.has('跑')).toBe(false);
  });

  it('skips 1-0 and 0-1 beads', () => {
    const zh = [['猫'], ['猫']];
    const en = [['cat'], ['cat']];
    const nullBeads = [
      { zhStart: 0, zhEnd: 1, enStart: 0, enEnd: 0, cost: 0 },
      { zhStart: 1, zhEnd: 2, enStart: 0, enEnd: 2, cost: 0 },
    ];
    const learned = learnTranslations(zh, en, nullBeads, { iterations: 3, threshold: 0.1, minCount: 2 });
    expect(learned.size).toBe(0);
  });
});
