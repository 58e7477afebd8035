/**
 * How well splitSentences recovers the sentence boundaries of the gold corpora. Not a test: run it by
 * hand with `npx tsx bench/measure-splitting.ts` from the repository root.
 *
 * The gold files hold one sentence per line and no paragraph marks, so consecutive lines are joined in
 * windows of 5 (English with a space, Chinese with nothing) and split again. A boundary is the offset
 * in the joined window where a sentence starts; recall is the share of gold boundaries the splitter
 * finds, precision the share of its boundaries that are gold. Pass `--show N` to print N misses of each
 * kind (for reading only: nothing printed here goes into the repository).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../src/core/segment/index.js';
import type { Lang } from '../src/core/types.js';

const WINDOW = 5;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalRoot = resolve(repoRoot, '../shared/eval');
const showIndex = process.argv.indexOf('--show');
const show = showIndex >= 0 ? Number(process.argv[showIndex + 1] ?? 5) : 0;

interface Counts {
  gold: number;
  predicted: number;
  matched: number;
}

function measure(files: string[], lang: Lang): Counts {
  const counts: Counts = { gold: 0, predicted: 0, matched: 0 };
  const misses: string[] = [];
  const extras: string[] = [];
  const glue = lang === 'en' ? ' ' : '';
  for (const file of files) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (let i = 0; i < lines.length; i += WINDOW) {
      const window = lines.slice(i, i + WINDOW);
      const gold = new Set<number>();
      let offset = 0;
      window.forEach((line, j) => {
        if (j > 0) gold.add(offset);
        offset += line.length + glue.length;
      });
      const paragraph = window.join(glue);
      const predicted = new Set<number>();
      let at = 0;
      for (const piece of splitSentences(paragraph, lang).slice(0, -1)) {
        at += piece.length;
        predicted.add(at);
      }
      counts.gold += gold.size;
      counts.predicted += predicted.size;
      for (const b of predicted) {
        if (gold.has(b)) counts.matched++;
        else extras.push(context(paragraph, b));
      }
      for (const b of gold) if (!predicted.has(b)) misses.push(context(paragraph, b));
    }
  }
  if (show > 0) {
    console.log(`  missed (gold, not found):\n    ${misses.slice(0, show).join('\n    ')}`);
    console.log(`  extra (found, not gold):\n    ${extras.slice(0, show).join('\n    ')}`);
  }
  return counts;
}

function context(text: string, at: number): string {
  return JSON.stringify(`${text.slice(Math.max(0, at - 25), at)}|${text.slice(at, at + 20)}`);
}

function report(name: string, files: string[], lang: Lang): void {
  const c = measure(files, lang);
  const recall = c.matched / c.gold;
  const precision = c.matched / c.predicted;
  console.log(
    `${name} ${lang}: recall ${recall.toFixed(3)} (${c.matched}/${c.gold}), precision ${precision.toFixed(3)} (${c.matched}/${c.predicted})`,
  );
}

if (!existsSync(evalRoot)) {
  console.log(`no gold data at ${evalRoot}: nothing to measure`);
} else {
  const mac = join(evalRoot, 'mac-dev');
  const macFiles = (ext: string) =>
    readdirSync(mac)
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => join(mac, f));
  const bfsu = join(evalRoot, 'bfsu-nonlit-dev');
  for (const lang of ['zh', 'en'] as const) {
    report('bfsu-nonlit-dev/mag', [join(bfsu, `mag.${lang}`)], lang);
    report('mac-dev', macFiles(`.${lang}`), lang);
  }
}
