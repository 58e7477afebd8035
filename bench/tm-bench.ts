/**
 * TM benchmark (`npm run bench:tm [-- --units N] [-- --queries N] [-- --scan-queries N] [-- --keep DIR]
 * [-- --db postgres://… | --postgres]`): builds a TM of N synthetic units (default 1,000,000) by
 * importing a TMX file, then reports import speed, database size, fuzzy lookup and concordance latency
 * through the n-gram index and, for comparison, the same lookups by a full scan. By default the TM is
 * a SQLite file in the bench folder; `--db` names an empty PostgreSQL database instead, and
 * `--postgres` starts a throwaway PostgreSQL server for the run (as the tests do). Targets
 * (docs/tm.md), at 1M units: SQLite import ≥ 20,000 units/s, lookup median < 10 ms, p95 < 50 ms;
 * PostgreSQL import ≥ 10,000 units/s, lookup median < 15 ms, p95 < 60 ms; concordance median < 50 ms.
 * Not part of `npm test`.
 */

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toTraditional } from '../src/core/lexicon/script.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../src/formats/tmx-write.js';
import { importFile } from '../src/store/import-file.js';
import { openStore } from '../src/store/open-store.js';
import { openSqliteTmStore } from '../src/store/sqlite/sqlite-tm-store.js';
import { scanMatches } from '../src/store/tm-queries.js';
import type { TmMatch, TmStore } from '../src/store/tm-store.js';
import { seededRandom } from './seeded-random.js';
import { makeSentencePairs } from './tm-synthetic.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const UNITS = flag('units', 1_000_000);
const QUERIES = flag('queries', 300);
const SCAN_QUERIES = flag('scan-queries', 5);
const keepAt = process.argv.indexOf('--keep');
const dir = keepAt >= 0 ? process.argv[keepAt + 1]! : mkdtempSync(join(tmpdir(), 'bitext-tm-bench-'));

/** CPU seconds by thread of this process (Linux /proc; empty elsewhere): `main`, else the thread id. */
function threadCpuSeconds(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
      out.set(Number(tid) === process.pid ? 'main' : `thread ${tid}`, seconds);
    }
  } catch {
    // Not Linux: no per-thread figures.
  }
  return out;
}

/** The 1, 5 and 15 minute load averages, as printed with each figure that load can skew. */
function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function writeTmxFile(path: string, count: number): Promise<{ generated: number }> {
  const next = makeSentencePairs(42);
  const out = createWriteStream(path);
  out.write(tmxHeader({ srcLang: 'zh-CN' }));
  let generated = 0;
  for (let i = 0; i < count; i++) {
    const { zh, en } = next();
    const ok = out.write(
      tmxUnit({
        segments: [
          { lang: 'zh-CN', text: zh },
          { lang: 'en-US', text: en },
        ],
      }),
    );
    generated++;
    if (!ok) await once(out, 'drain');
  }
  out.end(tmxFooter());
  await once(out, 'finish');
  return { generated };
}

/** A query derived from a stored unit: what a translator would type for a similar sentence. */
function perturb(zh: string, random: () => number): { text: string; kind: string } {
  const kinds = ['number', 'delete', 'traditional', 'exact'] as const;
  const kind = kinds[Math.floor(random() * kinds.length)]!;
  if (kind === 'number' && /\d/.test(zh))
    return { text: zh.replace(/\d+/, (n) => String(Number(n) + 1)), kind };
  if (kind === 'traditional') return { text: toTraditional(zh), kind };
  if (kind === 'exact') return { text: zh, kind };
  // Delete two characters from the middle: a near match around 90%.
  const chars = Array.from(zh);
  const at = 2 + Math.floor(random() * Math.max(1, chars.length - 6));
  chars.splice(at, 2);
  return { text: chars.join(''), kind: 'delete' };
}

/** Settings of the server `--postgres` starts: durable, as a team TM would run, with memory to cache the TM. */
const POSTGRES_BENCH_SETTINGS = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  shared_buffers: '1GB',
  max_wal_size: '4GB',
};

/** The TM under test with what the benchmark needs beyond the TmStore API, per backend. */
interface BenchTm {
  name: string;
  tm: TmStore;
  unitById(id: number): Promise<{ id: number; zh: string; en: string } | undefined>;
  maxId(): Promise<number>;
  bytes(): Promise<number>;
  close(): Promise<void>;
}

async function openBenchTm(): Promise<BenchTm> {
  const dbAt = process.argv.indexOf('--db');
  let url = dbAt >= 0 ? process.argv[dbAt + 1]! : undefined;
  let stopServer: (() => Promise<void>) | undefined;
  if (process.argv.includes('--postgres')) {
    const { startPostgres, createTestDatabase } = await import('../test/support/postgres-server.js');
    // A server set as for real use (durable commits) with 1 GB of shared buffers: its settings are
    // printed with the results.
    const server = await startPostgres({ settings: POSTGRES_BENCH_SETTINGS });
    stopServer = server.stop;
    url = await createTestDatabase(server.url);
  }
  if (url) {
    const store = await openStore(url);
    const pool = (store.tm as unknown as { pool: import('pg').Pool }).pool;
    return {
      name: `PostgreSQL ${(await pool.query('SHOW server_version')).rows[0].server_version}${
        stopServer ? ` (a throwaway server: ${JSON.stringify(POSTGRES_BENCH_SETTINGS)})` : ''
      }`,
      tm: store.tm,
      unitById: async (id) =>
        (await pool.query('SELECT id, zh, en FROM bitext.tm_units WHERE id = $1', [id])).rows[0],
      maxId: async () => (await pool.query('SELECT max(id) AS m FROM bitext.tm_units')).rows[0].m,
      bytes: async () => (await store.tm.stats()).bytes ?? 0,
      close: async () => {
        await store.close();
        await stopServer?.();
      },
    };
  }
  const dbPath = join(dir, 'tm.db');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  const store = openSqliteTmStore(dbPath);
  const sourceOf = store.db.prepare<[number], { id: number; zh: string; en: string }>(
    'SELECT id, zh, en FROM tm_units WHERE id = ?',
  );
  return {
    name: 'SQLite',
    tm: store,
    unitById: async (id) => sourceOf.get(id),
    maxId: async () => (store.db.prepare('SELECT max(id) AS m FROM tm_units').get() as { m: number }).m,
    bytes: async () => {
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(dbPath).size;
    },
    close: () => store.close(),
  };
}

/** Median, p95 and max of wall times, and median and p95 of CPU times (this process), in ms. */
function latencies(times: number[], cpuTimes: number[]): string {
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return (
    `median ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}, max ${ms(times[times.length - 1]!)}; ` +
    `CPU median ${ms(percentile(cpuTimes, 0.5))}, p95 ${ms(percentile(cpuTimes, 0.95))}`
  );
}

/** Runs `work` once per item, timing each (wall and this process's CPU): what latencies() reports. */
async function timed<T>(items: T[], work: (item: T) => Promise<unknown>) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (const item of items) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await work(item);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    times.push(performance.now() - start);
  }
  return latencies(times, cpuTimes);
}

async function main(): Promise<void> {
  const bench = await openBenchTm();
  const store = bench.tm;
  console.log(
    `bitext TM benchmark on ${bench.name}: ${UNITS} units, ${QUERIES} indexed lookups, ${SCAN_QUERIES} full scans (dir ${dir})`,
  );
  const tmxPath = join(dir, 'synthetic.tmx');
  let t = performance.now();
  await writeTmxFile(tmxPath, UNITS);
  console.log(
    `generated TMX: ${(statSync(tmxPath).size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  t = performance.now();
  const cpuBefore = process.cpuUsage();
  const threadsBefore = threadCpuSeconds();
  const threads = new Map<string, number>();
  const sampleThreads = () => {
    for (const [thread, seconds] of threadCpuSeconds()) threads.set(thread, seconds);
  };
  const result = await importFile(store, tmxPath, { onProgress: sampleThreads });
  sampleThreads();
  const importSeconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const importCpuSeconds = (cpu.user + cpu.system) / 1e6;
  // CPU by thread (Linux): the main thread inserts, the import worker reads, parses and prepares;
  // on a free 2-core machine the wall time approaches the larger of the two. (PostgreSQL's own
  // server processes are not counted here.)
  const byThread = [...threads]
    .map(([thread, seconds]) => ({ thread, seconds: seconds - (threadsBefore.get(thread) ?? 0) }))
    .filter((t) => t.seconds >= 0.5)
    .sort((a, b) => b.seconds - a.seconds);
  const dbBytes = await bench.bytes();
  console.log(
    `import: ${result.read} read, ${result.added} added, ${result.duplicates} duplicates in ${importSeconds.toFixed(1)} s ` +
      `= ${Math.round(result.read / importSeconds)} units/s (CPU of this process ${importCpuSeconds.toFixed(1)} s = ` +
      `${Math.round(result.read / importCpuSeconds)} units per CPU-second); database ${(dbBytes / 1e6).toFixed(1)} MB ` +
      `(${Math.round(dbBytes / Math.max(1, result.added))} bytes/unit); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  if (byThread.length > 0) {
    console.log(
      `import CPU by thread: ${byThread
        .map(
          ({ thread, seconds }) =>
            `${thread} ${seconds.toFixed(1)} s (${((seconds / result.read) * 1e6).toFixed(1)} us/unit)`,
        )
        .join(', ')}; load average at the end ${loadAverage()}`,
    );
  }

  const random = seededRandom(7);
  const maxId = await bench.maxId();
  const queries: Array<{ id: number; zh: string; en: string; text: string; kind: string }> = [];
  while (queries.length < QUERIES) {
    const row = await bench.unitById(1 + Math.floor(random() * maxId));
    if (row) queries.push({ ...row, ...perturb(row.zh, random) });
  }
  // Warm-up: OpenCC tables and database pages, as in a long-running process.
  await store.lookup(queries[0]!.text, { lang: 'zh' });

  // Wall and CPU time per lookup: the scoring runs in this one thread, so its CPU time is what it
  // would take on an idle machine, while wall time also counts waiting for a core (or the server).
  let found = 0;
  const zhLatency = await timed(queries, async (query) => {
    const matches = await store.lookup(query.text, { lang: 'zh', min: 70, limit: 5 });
    if (matches.some((m) => m.unit.id === query.id || m.score === 100)) found++;
  });
  console.log(
    `indexed lookup (zh): ${zhLatency}; source unit (or an equal one) found for ${found}/${queries.length} queries`,
  );

  let englishFound = 0;
  const englishQueries = queries.slice(0, Math.min(100, queries.length));
  const enLatency = await timed(englishQueries, async (query) => {
    const matches = await store.lookup(query.en.replace(/\b(the|of) /, ''), { lang: 'en' });
    if (matches.some((m) => m.unit.id === query.id || m.score === 100)) englishFound++;
  });
  console.log(
    `indexed lookup (en): ${enLatency}; source unit (or an equal one) found for ${englishFound}/${englishQueries.length} queries; load average ${loadAverage()}`,
  );

  // Concordance: a four-character stretch of a stored Chinese side, and two words of an English side
  // (the second cut to its first four letters, as typed mid-word), each must find its unit.
  const concordanceQueries = englishQueries.flatMap((query) => {
    const han = (query.zh.match(/\p{Script=Han}{4,}/gu) ?? []).sort((a, b) => b.length - a.length)[0];
    const words = /\b([A-Za-z]{3,}) ([A-Za-z]{5,})\b/.exec(query.en);
    return [...(han ? [han.slice(0, 4)] : []), ...(words ? [`${words[1]} ${words[2]!.slice(0, 4)}`] : [])];
  });
  let concordanceHits = 0;
  const concordanceLatency = await timed(concordanceQueries, async (term) => {
    if ((await store.search(term, { limit: 20 })).length > 0) concordanceHits++;
  });
  console.log(
    `concordance: ${concordanceLatency}; hits for ${concordanceHits}/${concordanceQueries.length} terms`,
  );

  const scanTimes: number[] = [];
  let agree = 0;
  for (const query of queries.slice(0, SCAN_QUERIES)) {
    const start = performance.now();
    let best: TmMatch | undefined;
    for await (const match of scanMatches(query.text, 'zh', store.units(), 70))
      if (!best || match.score > best.score) best = match;
    scanTimes.push(performance.now() - start);
    const [indexed] = await store.lookup(query.text, { lang: 'zh' });
    if ((indexed?.score ?? -1) === (best?.score ?? -1)) agree++;
  }
  scanTimes.sort((a, b) => a - b);
  if (scanTimes.length > 0) {
    console.log(
      `full scan (zh): median ${ms(percentile(scanTimes, 0.5))}, max ${ms(scanTimes[scanTimes.length - 1]!)}; ` +
        `best score equal to the indexed lookup's in ${agree}/${scanTimes.length}`,
    );
  }
  await bench.close();
  if (keepAt < 0) rmSync(dir, { recursive: true, force: true });
}

await main();
