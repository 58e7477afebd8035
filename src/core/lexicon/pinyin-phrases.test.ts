import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as PinyinPro from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { openBuiltSortedDataFile } from './data-file.js';
import { personNameToPinyin, pinyinSyllables } from './pinyin.js';
import {
  buildPhraseTable,
  PHRASES_HEADER,
  PhraseTable,
  type PinyinProPattern,
  readInContext,
  readNameSegments,
  writePhraseTable,
} from './pinyin-phrases.js';
import { foldToSimplified } from './script.js';

const require = createRequire(import.meta.url);
const pinyinPro = require('pinyin-pro') as typeof PinyinPro;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataFile = (name: string) => readFileSync(path.join(root, 'data', name), 'utf8');

/** What bitext asked pinyin-pro before it read the prebuilt patterns (pinyin.ts, before 7 Dec 2026). */
function askPinyinPro(text: string): { syllables: string[]; name: string } {
  const simplified = foldToSimplified(text);
  const syllables = pinyinPro.pinyin(simplified, { toneType: 'none', type: 'array' });
  const [surname = '', ...given] = pinyinPro.segment(simplified, {
    surname: 'head',
    toneType: 'none',
    format: pinyinPro.OutputFormat.PinyinSegment,
  }) as string[];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const givenName = given.join('').toLowerCase();
  return { syllables, name: givenName ? `${cap(surname)} ${cap(givenName)}` : cap(surname) };
}

/** Every run of one to `longest` characters of a text. */
function runs(text: string, longest: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let n = 1; n <= longest; n++)
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}

describe('pinyin-pro readings from its prebuilt phrase patterns', () => {
  it('reads as pinyin-pro does: the sample, every 25th jieba word, each pattern in company, the rules for 了 and 々', () => {
    // The same comparison over 660,981 strings (every run of 1-6 characters of both dev sets, all
    // of jieba's words, every pattern key alone and in company) found no difference.
    const inputs = new Set<string>(
      runs(readFileSync(path.join(root, 'examples/press-release.txt'), 'utf8'), 6),
    );
    dataFile('jieba-dict.txt')
      .split('\n')
      .forEach((line, n) => {
        if (n > 0 && n % 25 === 0) inputs.add(line.split(' ')[0]!);
      });
    for (const line of dataFile('pinyin-phrases.txt').split('\n').slice(1)) {
      // A line per key: its patterns follow the tab.
      const key = line.split('\t')[0];
      if (!key) continue;
      for (const text of [key, `了${key}`, `${key}了`, `王${key}`, `${key}々`]) inputs.add(text);
    }
    for (const text of [
      '了',
      '了了',
      '々',
      '好々',
      '说一说',
      '不了',
      'a了',
      '3月',
      'ABC中',
      '𠀀了',
      '单田芳',
      '欧阳修',
      '曾国藩',
      '重庆',
      '十一重',
      '乾隆',
    ])
      inputs.add(text);
    // pinyin.ts reads from the patterns only where the built file is current; else it asks pinyin-pro,
    // and this comparison would hold pinyin-pro against itself.
    expect(
      openBuiltSortedDataFile('pinyin-phrases.txt', (header) => header === PHRASES_HEADER),
    ).toBeDefined();
    const differences: string[] = [];
    for (const text of inputs) {
      const expected = askPinyinPro(text);
      const syllables = pinyinSyllables(text);
      const name = personNameToPinyin(text);
      if (JSON.stringify(syllables) !== JSON.stringify(expected.syllables) || name !== expected.name)
        differences.push(
          `${text}: ${syllables.join(' ')} / ${name}; pinyin-pro ${expected.syllables.join(' ')} / ${expected.name}`,
        );
    }
    expect(inputs.size).toBeGreaterThan(20_000);
    expect(differences).toEqual([]);
  });

  it('segments by most probability, a surname first only at the head of a name', () => {
    const table = new PhraseTable(
      new TextEncoder().encode(
        writePhraseTable([
          { zh: '重庆', syllables: ['chong', 'qing'], priority: 1, probability: 2e-8, length: 2 },
          { zh: '单', syllables: ['shan'], priority: 10, probability: 2, length: 1 },
          { zh: '单', syllables: ['dan'], priority: 1, probability: 1e-12, length: 1 },
        ]),
      ),
    );
    expect(table.patterns('单')?.map((p) => p.syllables[0])).toEqual(['shan', 'dan']);
    const first = (char: string) => ({ 重: 'zhong', 庆: 'qing', 单: 'dan', 人: 'ren' })[char];
    expect(readInContext('重庆人', table, first)).toEqual(['chong', 'qing', 'ren']);
    expect(readInContext('单人', table, first)).toEqual(['dan', 'ren']);
    expect(readNameSegments('单人', table, first)).toEqual(['shan', 'ren']);
    expect(readNameSegments('人单', table, first)).toEqual(['ren', 'dan']);
  });

  it('refuses a file of another kind', () => {
    expect(() => new PhraseTable(new TextEncoder().encode('重庆\t1,2e-8,chong qing\n'))).toThrow(
      /not a bitext pinyin phrase table/,
    );
    const tooLong = { zh: '一二三四五六', syllables: [], priority: 1, probability: 2e-8, length: 6 };
    expect(() => writePhraseTable([tooLong])).toThrow(/longer than 5 characters/);
  });

  it('is built (npm run build) from the installed pinyin-pro', async () => {
    const url = pathToFileURL(require.resolve('pinyin-pro/dist/esm/data/patterns.mjs')).href;
    const { PatternsNormal } = (await import(url)) as { PatternsNormal: PinyinProPattern[] };
    // A difference means pinyin-pro or the builder changed since the build: run `npm run build`.
    expect(dataFile('pinyin-phrases.txt') === buildPhraseTable(PatternsNormal)).toBe(true);
  });
});
