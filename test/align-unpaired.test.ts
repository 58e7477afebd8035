import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDirsPerTest } from './helpers.js';
import { SAMPLE_EN, SAMPLE_ZH, samplePairs } from './support/sample.js';
import { UNTRANSLATED_TRAILER } from './support/untranslated-trailer.js';

// Issue 11: a real page carries lines with no counterpart. The founding sample with a Chinese title,
// a dateline and a 2,000-character untranslated trailer must still give its 5 pairs, and the added
// lines must come out on their own (with --keep-unpaired), not glued into a pair.
const TITLE = '市外辦赴京匯報民間對外交往工作';
const DATELINE = '發布時間：2021-04-15　來源：市政府外辦';

interface JsonPair {
  zh: string;
  en: string;
  confidence: number;
}

const newDir = tempDirsPerTest();

async function alignJsonl(lines: readonly string[], ...flags: string[]): Promise<JsonPair[]> {
  const file = join(newDir(), 'page.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const { code, stdout, stderr } = await runCli(['align', file, '--format', 'jsonl', ...flags]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as JsonPair);
}

describe('untranslated material stays unpaired', () => {
  it('the trailer is 2,000 characters of Chinese', () => {
    expect(UNTRANSLATED_TRAILER.join('').length).toBeGreaterThanOrEqual(2000);
  });

  it('the sample with a title, a dateline and a trailer gives its 5 pairs; the added lines come out alone', async () => {
    const expected = await samplePairs();
    const page = [TITLE, DATELINE, ...SAMPLE_ZH, ...UNTRANSLATED_TRAILER, ...SAMPLE_EN];
    const pairs = await alignJsonl(page, '--keep-unpaired');
    const paired = pairs.filter((p) => p.zh && p.en);
    expect(paired.map((p) => [p.zh, p.en])).toEqual(expected);
    const alone = pairs.filter((p) => !p.en).map((p) => p.zh.replace(/\s+/g, ''));
    expect(pairs.filter((p) => !p.zh)).toEqual([]);
    // Every added line, and nothing else, is on its own (a trailer paragraph may be split into sentences).
    expect(alone.join('')).toBe([TITLE, DATELINE, ...UNTRANSLATED_TRAILER].join('').replace(/\s+/g, ''));
    expect(alone[0]).toBe(TITLE);
    expect(alone[1]).toBe(DATELINE.replace(/\s+/g, ''));
    // Without --keep-unpaired, only the 5 pairs.
    expect((await alignJsonl(page)).map((p) => [p.zh, p.en])).toEqual(expected);
  });

  it('an untranslated English credit line between the sample paragraphs is left alone', async () => {
    const expected = await samplePairs();
    const page = [...SAMPLE_ZH, SAMPLE_EN[0]!, 'Photo: Li Wei/Xinhua', ...SAMPLE_EN.slice(1)];
    const pairs = await alignJsonl(page, '--keep-unpaired');
    expect(pairs.filter((p) => p.zh && p.en).map((p) => [p.zh, p.en])).toEqual(expected);
    expect(pairs.filter((p) => !p.zh).map((p) => p.en)).toEqual(['Photo: Li Wei/Xinhua']);
  });
});
