import { describe, expect, it } from 'vitest';
import { countTrigrams, LetterModel, readTrigrams, writeTrigrams } from './letter-model.js';
import { nameSyllables, spellingLetters, transliterationCost } from './transliteration-model.js';

const cost = (zh: string, en: string) => transliterationCost(nameSyllables(zh), en);

describe('transliterationCost', () => {
  it('costs nothing for a name spelled as its pinyin', () => {
    expect(cost('王', 'Wang')).toBe(0);
    expect(transliterationCost(['chong', 'qing'], 'Chongqing')).toBe(0);
  });

  it('fits well-known foreign names better than a slip of them', () => {
    const names: [string, string, string][] = [
      ['斯蒂芬', 'Stephen', 'Setphen'],
      ['哈里森', 'Harrison', 'Hrarison'],
      ['克林顿', 'Clinton', 'Clintor'],
      ['莫扎特', 'Mozart', 'Mozarp'],
      ['科尔布', 'Kolb', 'Kolm'],
      ['卡特', 'Carter', 'Canter'],
    ];
    for (const [zh, name, slip] of names) {
      expect(cost(zh, name), `${zh} ${name}`).toBeLessThan(1.5);
      expect(cost(zh, slip), `${zh} ${slip}`).toBeGreaterThan(cost(zh, name) + 0.5);
    }
  });

  it('reads the bare consonants of a transliteration without their vowel (斯 s, 克 k, 布 b)', () => {
    expect(cost('斯蒂芬', 'Stephen')).toBeLessThan(cost('斯蒂芬', 'Sestphen'));
    expect(cost('科尔布', 'Kolb')).toBeLessThan(0.5);
  });

  it('tells a foreign name from an unrelated word', () => {
    expect(cost('哈里森', 'Harrison')).toBeLessThan(1);
    expect(cost('哈里森', 'Thompson')).toBeGreaterThan(3);
  });
});

describe('spellingLetters', () => {
  it('spells what English letters say: a soft c, x and qu', () => {
    expect(spellingLetters('Cecil')).toBe('sesil');
    expect(spellingLetters('Alexa')).toBe('aleksa');
    expect(spellingLetters("O'Neill")).toBe('oneill');
  });
});

const NAMES = ['harriet', 'harry', 'henry', 'robert', 'margaret', 'richard', 'peter'];

describe('LetterModel', () => {
  it('finds a slip less English than the name', () => {
    const model = new LetterModel(countTrigrams(NAMES));
    expect(model.cost('harriet')).toBeLessThan(model.cost('hrariet'));
  });

  it('reads back the counts it wrote, to the same costs', () => {
    const text = writeTrigrams(countTrigrams(NAMES), '# test counts');
    expect(text.split('\n')).toContain('^^h\t3');
    const model = new LetterModel(readTrigrams(new TextEncoder().encode(text)));
    const counted = new LetterModel(countTrigrams(NAMES));
    for (const word of ['harriet', 'hrariet', 'pete', 'zz', "o'neill"])
      expect(model.cost(word)).toBe(counted.cost(word));
  });

  it('refuses a line it did not write, saying which', () => {
    const read = (text: string) => readTrigrams(new TextEncoder().encode(text));
    expect(read('# test counts\n^^h\t4\n^ha\t1')).toEqual(read('# test counts\n^^h\t4\n^ha\t1\n'));
    expect(() => read('# test counts\n^^h\t4\nharriet\n')).toThrow(/line 3: not "abc<TAB>count"/);
    expect(() => read('# test counts\n^^h\t-4\n')).toThrow(/line 2/);
    expect(() => read('# test counts\n^^h\t4x\n')).toThrow(/line 2/);
    expect(() => read('# test counts\n^^H\t4\n')).toThrow(/line 2/);
  });
});
