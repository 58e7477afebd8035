import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readingsFromPinyinPro, readingsOf, surnameSyllables } from './pinyin.js';
import { buildReadingsTable, ReadingsTable } from './pinyin-table.js';

describe('pinyin readings table', () => {
  it('answers characters and surnames from its bytes', () => {
    const text = buildReadingsTable(
      new Map([
        ['重', ['zhong', 'chong']],
        ['協', ['xie']],
      ]),
      new Map([
        ['单', ['shan']],
        ['欧阳', ['ou', 'yang']],
      ]),
    );
    const table = new ReadingsTable(new TextEncoder().encode(text));
    expect(table.readings('重')).toEqual(['zhong', 'chong']);
    expect(table.readings('協')).toEqual(['xie']);
    expect(table.readings('单')).toBeUndefined();
    expect(table.surname('单')).toEqual(['shan']);
    expect(table.surname('欧阳')).toEqual(['ou', 'yang']);
    expect(table.surname('重')).toBeUndefined();
    expect(() => new ReadingsTable(new TextEncoder().encode('重\tzhong\n'))).toThrow(/not a bitext pinyin/);
  });

  it('is built (npm run build) with the readings pinyin-pro gives', () => {
    // The prebuilt file must exist after a build; a stale one (pinyin-pro upgraded) shows here.
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    expect(readFileSync(path.join(root, 'data/pinyin-readings.txt'), 'utf8').length).toBeGreaterThan(100_000);
    // Every Han character of the founding sample (Traditional) reads as pinyin-pro reads it.
    const sample = readFileSync(path.join(root, 'examples/press-release.txt'), 'utf8');
    const chars = [...new Set(sample.match(/\p{Script=Han}/gu))];
    expect(chars.length).toBeGreaterThan(150);
    for (const char of chars) expect(readingsOf(char), char).toEqual(readingsFromPinyinPro(char));
    expect(readingsOf('協')).toEqual(['xie']);
    expect(readingsOf('单')).toEqual(['dan', 'shan', 'chan']);
    expect(readingsOf('女')).toEqual(['nü', 'ru']);
    expect(readingsOf('。')).toEqual(['。']);
    expect(surnameSyllables('单')).toEqual(['shan']);
    expect(surnameSyllables('欧阳')).toEqual(['ou', 'yang']);
    // Traditional forms of surnames are surnames too.
    expect(surnameSyllables('歐陽')).toEqual(['ou', 'yang']);
    expect(surnameSyllables('吕')).toEqual(['lü']);
  });

  it('reads every surname with a reading of its first character first (name evidence relies on it)', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const surnames = readFileSync(path.join(root, 'data/pinyin-readings.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'));
    expect(surnames.length).toBeGreaterThan(500);
    for (const line of surnames) {
      const [key = '', syllables = ''] = line.split('\t');
      const first = [...key.slice(1)][0]!;
      expect(readingsOf(first), key).toContain(syllables.split(' ')[0]);
    }
  });
});
