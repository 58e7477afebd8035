import { describe, expect, it } from 'vitest';
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

  it('gives no stems for a one-character word CC-CEDICT lacks (it used to loop forever)', () => {
    expect(translationStems('·')).toEqual([]);
  });
});
