import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stripPinyinGlosses } from './pinyin-glosses.js';

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/press-release.txt');

describe('stripPinyinGlosses', () => {
  it.each([
    ['市對外友協(xié)副會長', '市對外友協副會長'],
    ['繼續(xù)關(guān)心', '繼續關心'],
    ['全角括號：協（xié）會', '全角括號：協會'],
    ['tone numbers: 协(xie2)会', 'tone numbers: 协会'],
    ['ü as v and u: — 绿(lv4)、绿(lü4)、女(nu:3)、女(nǚ)', 'ü as v and u: — 绿、绿、女、女'],
    ['區(ōu)姓', '區姓'], // a reading other than the usual one,
    ['一(yí)個', '一個'], // sandhi tone: toneless it is a reading,
    ['協(xié)(xié)會', '協會'], // a repeated gloss,
    ['協(XIÉ)會', '協會'], // upper case
    ['經濟(jīngjì)圈', '經濟圈'], // a word's reading
    ['史迪威(Shǐ Dí wēi)博物館', '史迪威博物館'], // capitalised, spaced
    ['西安(Xī’ān)市', '西安市'], // apostrophe between syllables
    ['友好協會(xie2hui4)', '友好協會'], // tone numbers, the last two characters
    ['𠀀協(xié)', '𠀀協'], // a supplementary-plane character before the glossed one,
  ])('strips the gloss in %s', (input, expected) => {
    expect(stripPinyinGlosses(input).text).toBe(expected);
  });

  it.each([
    '中國人民對外友好協會(CPAFFC)',
    '第(3)款',
    '(2021年)',
    '史迪威研究中心(重慶史迪威博物館)',
    '他(ta)說',
    '他(mā)說',
    '他 (tā) 說',
    '條款(a)項',
    'Latin before: x(xié)',
    'not closed: 協(xié',
    '經濟(jīng)圈', // not the reading of 濟
    '經濟(jīngjìquān)', // more syllables than characters
    '中國(Zhōngguó is China)',
    '一二三四五(yīèrsānsìwǔ)', // a word longer than four characters
  ])('keeps the real parentheses in %s', (input) => {
    expect(stripPinyinGlosses(input)).toEqual({ text: input, count: 0 });
  });

  it('stops at the first parenthesis that is no reading, so a second pass changes nothing', () => {
    const once = stripPinyinGlosses('協(xié)(mā)會');
    expect(once).toEqual({ text: '協(mā)會', count: 1 });
    expect(stripPinyinGlosses(once.text).count).toBe(0);
  });

  it('cleans every gloss of the founding sample and keeps its real parenthesis', () => {
    const sample = readFileSync(EXAMPLE, 'utf8');
    const glosses = sample.match(/\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/g) ?? [];
    expect(glosses.length).toBeGreaterThan(20);
    const { text, count } = stripPinyinGlosses(sample);
    expect(count).toBe(glosses.length);
    expect(text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/);
    expect(text).toContain('史迪威研究中心(重慶史迪威博物館)');
    expect(text).toContain('市對外友協副會長王廣成');
    expect(text).toContain('成渝地區雙城經濟圈建設');
    // the English half has parentheses after Latin words only: untouched
    expect(text.split('\n').slice(5).join('\n')).toBe(sample.split('\n').slice(5).join('\n'));
  });
});
