/**
 * Where a fresh process's aligner time goes, document by document: each document of a dev set
 * aligned in bench order in a new process (V8 cold: nothing compiled, the lexicons' caches empty),
 * then all of them again in the same process (V8 warm). For each: process CPU, and from
 * /proc/self/task the main thread's CPU and the other threads' (V8's compiler threads, mostly; the
 * garbage collector's helpers too). What the first pass costs over the second is V8 warming up and
 * the lexicons' first look-ups of the set's words.
 *
 *   npm run bench:cold-start -- [--set mac-dev|bfsu-nonlit-dev] [--runs N] [--warm-with SET]
 *
 * Each run is its own process; the medians of N runs (default 3) are printed. Linux only (/proc).
 * What compiled code would save: `--warm-with SET` first aligns another set twice (V8 then has
 * compiled the aligner, but the lexicons' caches hold none of this set's words). Reads
 * ../shared/eval in place.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alignSentences } from '../src/core/align/index.js';
import { prepareChineseText } from '../src/core/lexicon/jieba.js';
import { foldToSimplified } from '../src/core/lexicon/script.js';
import { EVAL_ROOT, readDevSet } from './eval-data.js';

/** CPU ms of one document: the process's, and its main and other threads' (from /proc, 10 ms ticks). */
interface DocumentCpu {
  process: number;
  main: number;
  others: number;
}

/** CPU ms by thread so far: the main thread's and the sum of the others'. */
function threadCpu(): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const task of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    if (task === String(process.pid)) main += ms;
    else others += ms;
  }
  return { main, others };
}

/** In a child process: both passes over the set, as JSON [cold documents, warm documents]. */
async function child(set: string, warmWith: string | undefined): Promise<void> {
  const documents = (await readDevSet(set)) ?? [];
  // As `npm run bench` does: the lazy lexicons loaded, and jieba shown every text to be aligned.
  alignSentences(['你好。'], ['Hello.']);
  prepareChineseText(documents.flatMap((doc) => doc.zh.map(foldToSimplified)));
  if (warmWith !== undefined) {
    const others = (await readDevSet(warmWith)) ?? [];
    prepareChineseText(others.flatMap((doc) => doc.zh.map(foldToSimplified)));
    for (let pass = 0; pass < 2; pass++) for (const doc of others) alignSentences(doc.zh, doc.en);
  }
  const passes: DocumentCpu[][] = [];
  for (let pass = 0; pass < 2; pass++) {
    const row: DocumentCpu[] = [];
    for (const doc of documents) {
      const cpu = process.cpuUsage();
      const threads = threadCpu();
      alignSentences(doc.zh, doc.en);
      const used = process.cpuUsage(cpu);
      const after = threadCpu();
      row.push({
        process: (used.user + used.system) / 1000,
        main: after.main - threads.main,
        others: after.others - threads.others,
      });
    }
    passes.push(row);
  }
  process.stdout.write(JSON.stringify(passes));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const argument = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const set = argument('--set') ?? 'mac-dev';
  const runs = Number(argument('--runs') ?? 3);
  const warmWith = argument('--warm-with');
  if (!(await readDevSet(set))) {
    console.log(`cold-start: skipped, no evaluation data at ${EVAL_ROOT}`);
    return;
  }
  const script = fileURLToPath(import.meta.url);
  const results = Array.from({ length: runs }, () =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [...process.execArgv, script, '--child', set, ...(warmWith ? [warmWith] : [])],
        {
          encoding: 'utf8',
        },
      ),
    ),
  ) as DocumentCpu[][][];
  const count = results[0]![0]!.length;
  const cell = (pass: number, d: number, key: keyof DocumentCpu) =>
    median(results.map((run) => run[pass]![d]![key]));
  const total = (pass: number, key: keyof DocumentCpu) =>
    median(results.map((run) => run[pass]!.reduce((sum, doc) => sum + doc[key], 0)));
  const warmed = warmWith ? `, after warming V8 with ${warmWith}` : '';
  console.log(`${set}: CPU ms per document, median of ${runs} processes (main + other threads)${warmed}`);
  for (const [pass, label] of [
    [0, 'fresh process'],
    [1, 'second pass  '],
  ] as const) {
    const documents = Array.from(
      { length: count },
      (_, d) =>
        `${cell(pass, d, 'process').toFixed(0)} (${cell(pass, d, 'main')}+${cell(pass, d, 'others')})`,
    );
    console.log(
      `${label}  ${documents.join('  ')}  all ${total(pass, 'process').toFixed(0)} ` +
        `(${total(pass, 'main')}+${total(pass, 'others')})`,
    );
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1]!, process.argv[childAt + 2]);
else await main();
