/**
 * Prints the top term pairs extracted from the founding sample and from the dev sets (mac-dev,
 * literary; bfsu-nonlit-dev, magazine; read from ../shared/eval at run time, never copied), for judging by hand:
 *   npx tsx bench/measure-term-precision.ts [top=40]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTerms, type TermPairInput } from '../src/core/terms/index.js';
import { DEV_SETS, readGoldPairs } from './eval-data.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const top = Number(process.argv[2] ?? 40);

function samplePairs(): TermPairInput[] {
  const lines = readFileSync(resolve(repoRoot, 'examples/press-release.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g, ''));
  const half = lines.length / 2;
  return lines.slice(0, half).map((zh, i) => ({ zh, en: lines[half + i]! }));
}

function print(title: string, pairs: TermPairInput[]): void {
  const started = performance.now();
  const terms = extractTerms(pairs).slice(0, top);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`# ${title}: ${pairs.length} pairs, top ${terms.length} (${seconds} s)`);
  for (const [i, t] of terms.entries()) console.log([i + 1, t.zh, t.en, t.score, t.kind, t.count].join('\t'));
}

print('founding sample', samplePairs());
for (const name of DEV_SETS) {
  const pairs = await readGoldPairs(name);
  if (pairs) print(name, pairs);
  else console.log(`# ${name}: skipped, ../shared/eval/${name} not found`);
}
