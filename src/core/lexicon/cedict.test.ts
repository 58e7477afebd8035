import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { hasDictionaryEntry, lookupGlosses, translationStems } from './cedict.js';
import { stemEnglish } from './english.js';

describe('cedict', () => {
  it('looks up senses by the Simplified headword', () => {
    expect(lookupGlosses('老师').join('/')).toMatch(/teacher/);
    expect(lookupGlosses('不存在的词语')).toEqual([]);
  });

  it('reduces senses to content stems, dropping cross-references and grammar notes', () => {
    expect(translationStems('友谊')).toContain(stemEnglish('friendship'));
    // 个 has only a classifier note and a "(bound form)" sense: no "classifier", no "variant".
    const ge = translationStems('个');
    expect(ge).not.toContain(stemEnglish('classifier'));
    expect(ge).not.toContain(stemEnglish('variant'));
    expect(translationStems('王')).toContain('wang');
  });

  it('composes words CC-CEDICT lacks from their parts', () => {
    expect(hasDictionaryEntry('巡视员')).toBe(false);
    const stems = translationStems('巡视员');
    expect(stems).toContain(stemEnglish('inspect'));
  });

  it('composes a missing word from its greedy longest-match split into words of up to 4 characters', () => {
    /** The split as defined: at each place the longest dictionary word, else one character. */
    const split = (word: string): string[] => {
      const chars = [...word];
      const parts: string[] = [];
      for (let at = 0; at < chars.length; ) {
        let length = Math.min(4, chars.length - at);
        while (length > 1 && !hasDictionaryEntry(chars.slice(at, at + length).join(''))) length--;
        parts.push(chars.slice(at, at + length).join(''));
        at += length;
      }
      return parts;
    };
    const next = seededRandom(5);
    // Words of one to four characters and single characters, joined two to four at a time: strings
    // that hold dictionary words (four-character idioms too) and are mostly none as a whole.
    const pieces = [
      '中国',
      '人民',
      '大学',
      '生活',
      '自由自在',
      '一心一意',
      '城',
      '市',
      '长',
      '活动',
      '员',
      '物理',
    ];
    let composed = 0;
    for (let n = 0; n < 400; n++) {
      const count = 2 + Math.floor(next() * 3);
      const word = Array.from({ length: count }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      if (hasDictionaryEntry(word)) continue;
      const expected = [
        ...new Set(split(word).flatMap((part) => (hasDictionaryEntry(part) ? translationStems(part) : []))),
      ];
      expect(translationStems(word), word).toEqual(expected);
      composed++;
    }
    expect(composed).toBeGreaterThan(300);
  });

  it('gives no stems for a one-character word CC-CEDICT lacks (it used to loop forever)', () => {
    expect(translationStems('·')).toEqual([]);
  });
});
