import { describe, expect, it } from 'vitest';
import { beadsToAlign, pairsToJsonl, pairsToTsv, parseAlign } from './pairs.js';

const pair = (zh: string, en: string, zhIds = [0], enIds = [0]) => ({
  zh,
  en,
  zhIds,
  enIds,
  confidence: 0.87654,
});

describe('pair formats', () => {
  it('writes zh<TAB>en per pair, flattening tabs and line breaks inside a sentence', () => {
    expect(pairsToTsv([pair('你好。', 'Hello.'), pair('甲\t乙', 'a\r\nb')])).toBe(
      '你好。\tHello.\n甲 乙\ta b\n',
    );
  });

  it('writes JSONL with rounded confidence and ids', () => {
    const line = JSON.parse(pairsToJsonl([pair('一', 'one', [3, 4], [5])], 'doc.txt'));
    expect(line).toEqual({
      zh: '一',
      en: 'one',
      confidence: 0.877,
      zhIds: [3, 4],
      enIds: [5],
      source: 'doc.txt',
    });
  });

  it('round-trips bead lines, empty sides included', () => {
    const beads = [
      { zh: [0, 1], en: [0], confidence: 1 },
      { zh: [2], en: [], confidence: 1 },
      { zh: [], en: [1, 2, 3], confidence: 1 },
    ];
    const text = beadsToAlign(beads);
    expect(text).toBe('[0,1]:[0]\n[2]:[]\n[]:[1,2,3]\n');
    expect(parseAlign(text)).toEqual({ beads: beads.map(({ zh, en }) => ({ zh, en })) });
  });

  it('reports the line of a malformed bead', () => {
    expect(parseAlign('[0]:[0]\n\n[1]-[1]\n').badLine).toBe(3);
  });
});
