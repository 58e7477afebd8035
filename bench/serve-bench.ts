/**
 * Load on `bitext serve` (`npm run bench:serve [-- --seconds 30 --clients 50 --units 100000 --sqlite-only]`):
 * a TM of N synthetic units is imported, `bitext serve` starts in a process of its own (from the
 * sources), and 50 clients each send fuzzy lookups over HTTP (keep-alive), one after another, for
 * 30 s, while two more clients keep aligning documents (the bundled press release) through
 * POST /api/align. Reports lookup throughput, p50/p95/p99 latency and errors (the target is 0), and the
 * alignments done meanwhile; on SQLite, then on a throwaway PostgreSQL server (as the tests start one).
 * Not a test: the figures depend on the machine and on what else runs on it (the load average is printed).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importFile } from '../src/store/import-file.js';
import { openStore } from '../src/store/open-store.js';
import { EXAMPLE_PATH } from '../test/helpers.js';
import { SOURCE_CLI } from '../test/support/cli-process.js';
import { seededRandom } from './seeded-random.js';
import { makeSentencePairs } from './tm-synthetic.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const SECONDS = flag('seconds', 30);
const CLIENTS = flag('clients', 50);
const ALIGNERS = flag('aligners', 2);
const UNITS = flag('units', 100_000);
const TOKEN = 'bxt_bench-admin-token';

/** CPU seconds of a process's main thread and of its other threads (Linux /proc; clock ticks of 10 ms). */
function threadCpu(pid: number): { main: number; others: number } {
  const cpu = { main: 0, others: 0 };
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
      if (Number(tid) === pid) cpu.main += seconds;
      else cpu.others += seconds;
    }
  } catch {
    // Not Linux: no CPU figures.
  }
  return cpu;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Imports N synthetic pairs as TSV and returns some of their Chinese sides, each changed in one character, as queries. */
async function seed(db: string, dir: string): Promise<string[]> {
  const next = makeSentencePairs(12);
  const lines: string[] = [];
  const queries: string[] = [];
  const random = seededRandom(34);
  for (let i = 0; i < UNITS; i++) {
    const { zh, en } = next();
    lines.push(`${zh}\t${en}`);
    if (i % Math.ceil(UNITS / 2000) === 0) {
      const at = Math.floor(random() * zh.length);
      queries.push(zh.slice(0, at) + '的' + zh.slice(at + 1));
    }
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'units.tsv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const store = await openStore(db);
  const t = performance.now();
  const result = await importFile(store.tm, path, { format: 'tsv' });
  console.log(`  seeded: ${result.added} units in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await store.close();
  return queries;
}

/** `bitext serve` from the sources in its own process; resolves with its base URL. */
function serve(db: string, dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...SOURCE_CLI, 'serve', '--port', '0', '--db', db, '--state', join(dir, 'state')],
    { env: { ...process.env, BITEXT_TOKEN: TOKEN, BITEXT_DB: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, url: out.split('\n')[0]!.replace(/\/$/, '') });
    });
    child.on('exit', (code) => reject(new Error(`bitext serve exited with ${code}`)));
  });
}

async function load(url: string, queries: string[], pid: number) {
  const cpuBefore = threadCpu(pid);
  const headers = { authorization: `Bearer ${TOKEN}` };
  const document = readFileSync(EXAMPLE_PATH, 'utf8');
  const end = performance.now() + SECONDS * 1000;
  const times: number[] = [];
  const errors = new Map<string, number>();
  const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
  let alignments = 0;
  const alignTimes: number[] = [];
  const lookupClient = async (client: number) => {
    for (let i = client; performance.now() < end; i += CLIENTS) {
      const q = queries[i % queries.length]!;
      const t = performance.now();
      try {
        const response = await fetch(`${url}/api/tm/lookup?q=${encodeURIComponent(q)}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) fail(`HTTP ${response.status}`);
        else times.push(performance.now() - t);
      } catch (error) {
        fail((error as Error).message);
      }
    }
  };
  const alignClient = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        const response = await fetch(`${url}/api/align`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ text: document, name: 'bench' }),
        });
        await response.arrayBuffer();
        if (response.status !== 201) fail(`align HTTP ${response.status}`);
        else {
          alignments += 1;
          alignTimes.push(performance.now() - t);
        }
      } catch (error) {
        fail(`align: ${(error as Error).message}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all([
    ...Array.from({ length: CLIENTS }, (_, i) => lookupClient(i)),
    ...Array.from({ length: ALIGNERS }, () => alignClient()),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = threadCpu(pid);
  const mainCpu = cpuAfter.main - cpuBefore.main;
  const otherCpu = cpuAfter.others - cpuBefore.others;
  times.sort((a, b) => a - b);
  alignTimes.sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  console.log(
    `  lookups: ${times.length} in ${seconds.toFixed(1)} s = ${(times.length / seconds).toFixed(0)}/s; ` +
      `p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms; ` +
      `errors ${errorCount}${errorCount ? ` (${[...errors].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`,
  );
  console.log(
    `  server CPU: main thread ${mainCpu.toFixed(1)} s (${((mainCpu * 1000) / Math.max(1, times.length)).toFixed(2)} ms per lookup, alignment requests included), ` +
      `other threads (aligner workers, libuv, GC) ${otherCpu.toFixed(1)} s`,
  );
  console.log(
    `  alignments meanwhile: ${alignments} (press release, ${ALIGNERS} clients), median ${percentile(alignTimes, 0.5).toFixed(0)} ms each`,
  );
}

async function run(name: string, db: string, dir: string): Promise<void> {
  console.log(`${name}:`);
  const queries = await seed(db, dir);
  const { child, url } = await serve(db, dir);
  try {
    // One request first: the first lookup opens caches, the first alignment starts a worker.
    await fetch(`${url}/api/tm/lookup?q=${encodeURIComponent(queries[0]!)}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await load(url, queries, child.pid!);
  } finally {
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  console.log(
    `bitext serve load: ${CLIENTS} lookup clients and ${ALIGNERS} aligning clients for ${SECONDS} s, TM of ${UNITS} synthetic units; ` +
      `${availableParallelism()} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'bitext-serve-bench-'));
  try {
    await run('SQLite', join(dir, 'tm.db'), join(dir, 'sqlite'));
    if (!process.argv.includes('--sqlite-only')) {
      const { startPostgres, createTestDatabase } = await import('../test/support/postgres-server.js');
      const server = await startPostgres();
      try {
        await run(
          'PostgreSQL (throwaway server, test settings)',
          await createTestDatabase(server.url),
          join(dir, 'pg'),
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
