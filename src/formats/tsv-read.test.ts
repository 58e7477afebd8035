import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import type { ImportedUnit } from './tmx-read.js';
import { readTsv } from './tsv-read.js';

async function read(text: string): Promise<ImportedUnit[]> {
  const bytes = new TextEncoder().encode(text);
  // Split inside a multi-byte character and inside a line.
  const chunks = [bytes.subarray(0, 5), bytes.subarray(5)];
  const units: ImportedUnit[] = [];
  for await (const unit of readTsv(chunks, 'pairs.tsv')) units.push(unit);
  return units;
}

describe('readTsv', () => {
  it('reads zh<TAB>en lines with an optional confidence, skipping blank lines', async () => {
    expect(await read('你好\tHello\r\n\n世界\tWorld\t0.5\n')).toEqual([
      { zh: '你好', en: 'Hello', position: 0 },
      { zh: '世界', en: 'World', position: 1, confidence: 0.5 },
    ]);
  });

  it('takes column languages from a header row, or from the text', async () => {
    const headed = await read('en-GB\tzh-TW\nHello\t你好\n');
    expect(headed).toEqual([{ zh: '你好', en: 'Hello', zhLang: 'zh-TW', enLang: 'en-GB', position: 0 }]);
    expect((await read('Hello\t你好\nWorld\t世界')).map((u) => u.zh)).toEqual(['你好', '世界']);
  });

  it('names the line that has no tab', async () => {
    try {
      await read('你好\tHello\n只有一列\n');
      expect.unreachable();
    } catch (error) {
      expect(isBitextError(error) && error.describe()).toBe(
        'pairs.tsv:2: expected two tab-separated columns (zh<TAB>en), found one',
      );
    }
  });
});
