/**
 * Aligner benchmark: speed, peak memory and strict F1 on the dev sets, and on a long synthetic pair
 * (every dev document concatenated, repeated 1× and 8×) to check that time grows near-linearly.
 * `npm run bench` (add `-- --sentences 100000` to measure one pair of that many zh sentences alone).
 * Each measurement runs in a child process so its peak RSS is its own.
 * The gold data is read from ../shared/eval (copyrighted, never copied into the repository).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { alignSentences } from '../src/core/align/index.js';
import { addCounts, countAlignment, type IdBead, NO_COUNTS, strictScore } from '../src/core/align/score.js';
import { DEV_SETS, EVAL_ROOT, type GoldDocument, readDevSet } from './eval-data.js';

interface Measurement {
  label: string;
  zh: number;
  en: number;
  seconds: number;
  peakRssMb: number;
  strictF1: number;
}

/** All dev documents as one long pair, repeated `times`, with the gold ids shifted to match. */
async function syntheticPair(times: number): Promise<GoldDocument> {
  const pair: GoldDocument = { name: `dev×${times}`, zh: [], en: [], gold: [] };
  const documents: GoldDocument[] = [];
  for (const set of DEV_SETS) documents.push(...((await readDevSet(set)) ?? []));
  for (let r = 0; r < times; r++) {
    for (const doc of documents) {
      const zhOffset = pair.zh.length;
      const enOffset = pair.en.length;
      pair.zh.push(...doc.zh);
      pair.en.push(...doc.en);
      for (const bead of doc.gold) {
        pair.gold.push({ zh: bead.zh.map((i) => i + zhOffset), en: bead.en.map((j) => j + enOffset) });
      }
    }
  }
  return pair;
}

/** The first `sentences` zh sentences of a long synthetic pair, cut at a gold bead boundary. */
async function pairOfSize(sentences: number): Promise<GoldDocument> {
  const unit = await syntheticPair(1);
  const full = await syntheticPair(Math.ceil(sentences / unit.zh.length));
  const gold: IdBead[] = [];
  let zhEnd = 0;
  let enEnd = 0;
  for (const bead of full.gold) {
    if (zhEnd >= sentences) break;
    gold.push(bead);
    zhEnd = Math.max(zhEnd, ...bead.zh.map((i) => i + 1));
    enEnd = Math.max(enEnd, ...bead.en.map((j) => j + 1));
  }
  return { name: `${sentences} sentences`, zh: full.zh.slice(0, zhEnd), en: full.en.slice(0, enEnd), gold };
}

function measure(label: string, documents: readonly GoldDocument[]): Measurement {
  let counts = NO_COUNTS;
  const started = performance.now();
  for (const doc of documents)
    counts = addCounts(counts, countAlignment(alignSentences(doc.zh, doc.en), doc.gold));
  const seconds = (performance.now() - started) / 1000;
  return {
    label,
    zh: documents.reduce((n, d) => n + d.zh.length, 0),
    en: documents.reduce((n, d) => n + d.en.length, 0),
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    strictF1: strictScore(counts).f1,
  };
}

async function child(task: string): Promise<void> {
  let documents: GoldDocument[];
  if (task.startsWith('set:')) documents = (await readDevSet(task.slice(4))) ?? [];
  else if (task.startsWith('times:')) documents = [await syntheticPair(Number(task.slice(6)))];
  else documents = [await pairOfSize(Number(task.slice(10)))];
  // Warm the lazy lexicons (jieba, CC-CEDICT, OpenCC) so the timing is the aligner's.
  alignSentences(['你好。'], ['Hello.']);
  process.stdout.write(JSON.stringify(measure(task, documents)));
}

function runChild(task: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(process.execPath, [...process.execArgv, script, '--child', task], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output) as Measurement;
}

function report(m: Measurement): string {
  const perSecond = (m.zh + m.en) / m.seconds;
  return (
    `${m.label.padEnd(22)} ${String(m.zh).padStart(7)} zh ${String(m.en).padStart(7)} en  ` +
    `${m.seconds.toFixed(1).padStart(7)} s  ${perSecond.toFixed(0).padStart(6)} sentences/s  ` +
    `peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB  strict F1 ${m.strictF1.toFixed(4)}`
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!);
  if (!(await readDevSet(DEV_SETS[0]))) {
    console.log(`align-bench: skipped, no evaluation data at ${EVAL_ROOT}`);
    return;
  }
  const sizeAt = args.indexOf('--sentences');
  if (sizeAt >= 0) {
    console.log(report(runChild(`sentences:${Number(args[sizeAt + 1])}`)));
    return;
  }
  for (const set of DEV_SETS) console.log(report(runChild(`set:${set}`)));
  const once = runChild('times:1');
  console.log(report(once));
  const eight = runChild('times:8');
  console.log(report(eight));
  console.log(
    `time ratio 8×/1×: ${(eight.seconds / once.seconds).toFixed(2)} (linear would be 8; target ≤ 10)`,
  );
}

await main();
