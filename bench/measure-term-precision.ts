/**
 * Prints the top term pairs extracted from the founding sample and from the mag dev set of the
 * BFSU non-literary corpus (read from ../shared/eval at run time, never copied), for judging by hand:
 *   npx tsx bench/measure-term-precision.ts [top=30]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTerms, type TermPairInput } from '../src/core/terms/index.js';
import { readGoldPairs } from './eval-data.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const top = Number(process.argv[2] ?? 30);

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
const mag = await readGoldPairs('bfsu-nonlit-dev');
if (mag) print('mag dev', mag);
else console.log('# mag dev: skipped, ../shared/eval/bfsu-nonlit-dev not found');
