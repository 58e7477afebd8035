/**
 * Batch and filter benchmark (`npm run bench:batch`):
 *   - documents/s and pairs/s of `bitext batch` with --jobs 1 and --jobs 2;
 *   - the same through BullMQ on a throwaway redis-server with 1 and 2 `bitext worker` processes
 *     (started before the clock starts);
 *   - `bitext filter` pairs/s and peak RSS on 1,000,000 pairs (and on a quarter of them, to show
 *     that memory does not grow with the input: dedupe's index is on disk, see
 *     app/filter-first-copies.ts; `--without-dedupe-too` shows the same without it).
 * Options: `-- --pairs N` (filter size, default 1000000), `-- --skip-filter`, `-- --skip-batch`,
 * `-- --without-dedupe-too` (each filter size again with dedupe off), `-- --rounds N` (the batch
 * corpus N times over, to see past the start-up), `-- --dist` (run the build, after `npm run build`,
 * as a user does: no tsx loader in the processes and threads).
 *
 * The documents are slices of the gold documents of ../shared/eval (read in place; written as
 * bilingual files into a temporary folder that is removed after), 60 gold beads each. Every
 * command runs as its own process from the sources (tsx), as a user's would from dist/ but with the
 * loader's start-up: wall times on a shared machine are noisy, so compare figures of one run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startRedis } from '../test/support/redis-server.js';
import { DEV_SETS, readDevSet } from './eval-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** `--dist`: run the build (bin/bitext.js, dist/), as a user does, instead of the sources under tsx. */
const FROM_DIST = process.argv.includes('--dist');
const TSX = ['--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href];
const CLI = FROM_DIST
  ? [path.join(ROOT, 'bin/bitext.js')]
  : [...TSX, path.join(ROOT, 'test/support/cli-entry.ts')];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

interface Measured {
  seconds: number;
  /** User + system CPU of the command's process (all its threads). */
  cpuSeconds: number;
  peakMb: number;
}

/**
 * Runs the CLI to the end in a child process that reports its own CPU time and peak RSS (wall time
 * on a shared machine says more about the other work on it than about bitext).
 */
function timeCli(args: string[], cwd: string): Measured {
  const started = performance.now();
  const output = execFileSync(
    process.execPath,
    [
      ...TSX,
      path.join(ROOT, 'bench/batch-bench.ts'),
      ...(FROM_DIST ? ['--dist'] : []),
      '--cli-child',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    cpuSeconds: Number(/cpuSeconds=([\d.]+)/.exec(output)?.[1]),
    peakMb: Number(/peakRssMb=(\d+)/.exec(output)?.[1]),
  };
}

/** CPU seconds a live process has used so far (Linux: utime + stime of /proc/PID/stat, in 1/100 s). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function writeCorpus(dir: string, rounds: number): Promise<number> {
  mkdirSync(path.join(dir, 'in'), { recursive: true });
  let count = 0;
  for (let round = 0; round < rounds; round++)
    for (const set of DEV_SETS) {
      for (const document of (await readDevSet(set)) ?? []) {
        for (let start = 0; start < document.gold.length; start += 60) {
          const beads = document.gold.slice(start, start + 60);
          const zh = beads.flatMap((b) => b.zh.map((i) => document.zh[i]!));
          const en = beads.flatMap((b) => b.en.map((i) => document.en[i]!));
          if (zh.length === 0 || en.length === 0) continue;
          writeFileSync(
            path.join(dir, 'in', `${set}-${document.name}-${start}${round ? `-${round}` : ''}.txt`),
            `${zh.join('\n')}\n\n${en.join('\n')}\n`,
          );
          count++;
        }
      }
    }
  return count;
}

function pairsOf(dir: string): number {
  return readFileSync(path.join(dir, 'batch-report.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .reduce((n, line) => n + (JSON.parse(line).pairs ?? 0), 0);
}

function startWorker(url: string, cwd: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...CLI, 'worker', '--queue', url], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('waiting for jobs')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function benchBatch(dir: string): Promise<void> {
  const rounds = option('--rounds', 1);
  const documents = await writeCorpus(dir, rounds);
  if (documents === 0) {
    console.log('batch: ../shared/eval not found; skipped');
    return;
  }
  const copies = rounds > 1 ? `, each ${rounds} times` : '';
  console.log(
    `batch: ${documents} documents (dev-set slices of 60 beads${copies}), from ${FROM_DIST ? 'dist/' : 'the sources (tsx)'}\n`,
  );
  console.log('run\twall s\tCPU s\tdocuments/s (wall)\tpairs/s (wall)\tdocuments per CPU s');
  const row = (label: string, m: { seconds: number; cpuSeconds: number }, pairs: number) =>
    console.log(
      `${label}\t${m.seconds.toFixed(1)}\t${m.cpuSeconds.toFixed(1)}\t${(documents / m.seconds).toFixed(2)}\t${(pairs / m.seconds).toFixed(0)}\t${(documents / m.cpuSeconds).toFixed(2)}`,
    );
  for (const jobs of [1, 2]) {
    const out = `out-jobs${jobs}`;
    const measured = timeCli(['batch', 'in', '--out', out, '--jobs', String(jobs), '--force'], dir);
    row(`--jobs ${jobs}`, measured, pairsOf(path.join(dir, out)));
  }
  const redis = await startRedis();
  try {
    for (const count of [1, 2]) {
      const url = `${redis.url}/${count}`;
      const workers = await Promise.all(Array.from({ length: count }, () => startWorker(url, dir)));
      try {
        const out = `out-queue${count}`;
        const before = workers.map((w) => processCpuSeconds(w.pid!));
        const measured = timeCli(['batch', 'in', '--out', out, '--queue', url, '--wait', '--force'], dir);
        // The work's CPU is the workers' during the run, plus the waiting batch's.
        const workerCpu = workers.reduce((n, w, i) => n + processCpuSeconds(w.pid!) - before[i]!, 0);
        const label = `queue, ${count} worker${count > 1 ? 's' : ''}`;
        row(
          label,
          { ...measured, cpuSeconds: measured.cpuSeconds + workerCpu },
          pairsOf(path.join(dir, out)),
        );
      } finally {
        for (const worker of workers) worker.kill('SIGKILL');
      }
    }
  } finally {
    await redis.stop();
  }
}

async function writePairs(file: string, n: number): Promise<void> {
  const pairs: Array<{ zh: string; en: string }> = [];
  for (const set of DEV_SETS)
    for (const document of (await readDevSet(set)) ?? [])
      for (const bead of document.gold)
        if (bead.zh.length && bead.en.length)
          pairs.push({
            zh: bead.zh.map((i) => document.zh[i]).join(''),
            en: bead.en.map((i) => document.en[i]).join(' '),
          });
  if (pairs.length === 0) throw new Error('../shared/eval not found');
  const chunk: string[] = [];
  writeFileSync(file, '');
  for (let i = 0; i < n; i++) {
    const p = pairs[i % pairs.length]!;
    // Each round of the dev pairs numbered, both sides alike: distinct pairs, none a copy.
    const round = Math.floor(i / pairs.length);
    chunk.push(JSON.stringify(round ? { zh: `${p.zh}（${round}）`, en: `${p.en} (${round})` } : p));
    if (chunk.length === 10_000) {
      writeFileSync(file, `${chunk.join('\n')}\n`, { flag: 'a' });
      chunk.length = 0;
    }
  }
  if (chunk.length) writeFileSync(file, `${chunk.join('\n')}\n`, { flag: 'a' });
}

async function benchFilter(dir: string): Promise<void> {
  const n = option('--pairs', 1_000_000);
  console.log(`\nfilter: ${n} distinct pairs (the dev pairs, numbered per round)\n`);
  console.log('pairs\tdedupe\twall s\tCPU s\tpairs/s (wall)\tpairs per CPU s\tpeak RSS MB');
  for (const size of [Math.round(n / 4), n]) {
    const file = path.join(dir, `pairs-${size}.jsonl`);
    await writePairs(file, size);
    for (const dedupe of process.argv.includes('--without-dedupe-too') ? [true, false] : [true]) {
      const config = path.join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ rules: { duplicate: dedupe, 'near-duplicate': dedupe } }));
      const m = timeCli(
        ['filter', file, '--out', 'kept.tsv', '--rejected', 'rejected.jsonl', '--config', config],
        dir,
      );
      console.log(
        `${size}\t${dedupe ? 'on' : 'off'}\t${m.seconds.toFixed(1)}\t${m.cpuSeconds.toFixed(1)}\t${(size / m.seconds).toFixed(0)}\t${(size / m.cpuSeconds).toFixed(0)}\t${m.peakMb}`,
      );
    }
    rmSync(file);
  }
}

/** `--cli-child ARGS…`: the CLI in this process, then its CPU time and peak RSS. */
async function cliChild(): Promise<void> {
  const args = process.argv.slice(process.argv.indexOf('--cli-child') + 1);
  const from = FROM_DIST && process.argv.indexOf('--dist') < process.argv.indexOf('--cli-child');
  const { run } = (await import(
    from ? '../dist/cli/run.js' : '../src/cli/run.js'
  )) as typeof import('../src/cli/run.js');
  const { nodeIo } = (await import(
    from ? '../dist/cli/node-io.js' : '../src/cli/node-io.js'
  )) as typeof import('../src/cli/node-io.js');
  const code = await run(args, nodeIo());
  if (code !== 0) process.exit(code);
  const cpu = process.cpuUsage();
  console.log(
    `cpuSeconds=${((cpu.user + cpu.system) / 1e6).toFixed(2)} peakRssMb=${Math.round(process.resourceUsage().maxRSS / 1024)}`,
  );
}

if (process.argv.includes('--cli-child')) {
  await cliChild();
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'bitext-batch-bench-'));
  try {
    console.log(`${new Date().toISOString()}, ${(await import('node:os')).availableParallelism()} cores\n`);
    if (!process.argv.includes('--skip-batch')) await benchBatch(dir);
    if (!process.argv.includes('--skip-filter')) await benchFilter(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
