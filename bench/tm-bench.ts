/**
 * TM benchmark (`npm run bench:tm [-- --units N] [-- --queries N] [-- --scan-queries N] [-- --keep DIR]`):
 * builds a TM of N synthetic units (default 1,000,000) by importing a TMX file, then reports import
 * speed, database size, fuzzy lookup latency through the n-gram index and, for comparison, the same
 * lookups by a full scan. Targets (docs/tm.md): median < 10 ms, p95 < 50 ms at 1M units; import ≥
 * 20,000 units/s. Not part of `npm test`.
 */

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toTraditional } from '../src/core/lexicon/script.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../src/formats/tmx-write.js';
import { importFile } from '../src/store/import-file.js';
import { openSqliteTmStore } from '../src/store/sqlite/sqlite-tm-store.js';
import type { TmMatch } from '../src/store/tm-store.js';
import { makeSentencePairs, randomSource } from './tm-synthetic.js';

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

async function main(): Promise<void> {
  console.log(
    `bitext TM benchmark: ${UNITS} units, ${QUERIES} indexed lookups, ${SCAN_QUERIES} full scans (dir ${dir})`,
  );
  const tmxPath = join(dir, 'synthetic.tmx');
  const dbPath = join(dir, 'tm.db');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  let t = performance.now();
  await writeTmxFile(tmxPath, UNITS);
  console.log(
    `generated TMX: ${(statSync(tmxPath).size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const store = openSqliteTmStore(dbPath);
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
  // on a free 2-core machine the wall time approaches the larger of the two.
  const byThread = [...threads]
    .map(([thread, seconds]) => ({ thread, seconds: seconds - (threadsBefore.get(thread) ?? 0) }))
    .filter((t) => t.seconds >= 0.5)
    .sort((a, b) => b.seconds - a.seconds);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = statSync(dbPath).size;
  console.log(
    `import: ${result.read} read, ${result.added} added, ${result.duplicates} duplicates in ${importSeconds.toFixed(1)} s ` +
      `= ${Math.round(result.read / importSeconds)} units/s (CPU ${importCpuSeconds.toFixed(1)} s = ` +
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

  const random = randomSource(7);
  const maxId = (store.db.prepare('SELECT max(id) AS m FROM tm_units').get() as { m: number }).m;
  const sourceOf = store.db.prepare<[number], { id: number; zh: string; en: string }>(
    'SELECT id, zh, en FROM tm_units WHERE id = ?',
  );
  const queries: Array<{ id: number; text: string; kind: string }> = [];
  while (queries.length < QUERIES) {
    const row = sourceOf.get(1 + Math.floor(random() * maxId));
    if (row) queries.push({ id: row.id, ...perturb(row.zh, random) });
  }
  // Warm-up: OpenCC tables and SQLite pages, as in a long-running process.
  await store.lookup(queries[0]!.text, { lang: 'zh' });

  // Wall and CPU time per lookup: a lookup runs in this one thread, so its CPU time is what it
  // would take on an idle machine, while wall time also counts waiting for a core under load.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  let found = 0;
  for (const query of queries) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const matches = await store.lookup(query.text, { lang: 'zh', min: 70, limit: 5 });
    cpuTimes.push(cpuMs(process.cpuUsage(cpuStart)));
    times.push(performance.now() - start);
    if (matches.some((m) => m.unit.id === query.id || m.score === 100)) found++;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(
    `indexed lookup (zh): median ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}, max ${ms(times[times.length - 1]!)}; ` +
      `CPU median ${ms(percentile(cpuTimes, 0.5))}, p95 ${ms(percentile(cpuTimes, 0.95))}; ` +
      `source unit (or an equal one) found for ${found}/${queries.length} queries`,
  );

  const englishTimes: number[] = [];
  const englishCpuTimes: number[] = [];
  let englishFound = 0;
  const englishQueries = queries.slice(0, Math.min(100, queries.length));
  for (const query of englishQueries) {
    const en = sourceOf.get(query.id)!.en.replace(/\b(the|of) /, '');
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const matches = await store.lookup(en, { lang: 'en' });
    englishCpuTimes.push(cpuMs(process.cpuUsage(cpuStart)));
    englishTimes.push(performance.now() - start);
    if (matches.some((m) => m.unit.id === query.id || m.score === 100)) englishFound++;
  }
  englishTimes.sort((a, b) => a - b);
  englishCpuTimes.sort((a, b) => a - b);
  console.log(
    `indexed lookup (en): median ${ms(percentile(englishTimes, 0.5))}, p95 ${ms(percentile(englishTimes, 0.95))}; ` +
      `CPU median ${ms(percentile(englishCpuTimes, 0.5))}, p95 ${ms(percentile(englishCpuTimes, 0.95))}; ` +
      `source unit (or an equal one) found for ${englishFound}/${englishQueries.length} queries; load average ${loadAverage()}`,
  );

  const scanTimes: number[] = [];
  let agree = 0;
  for (const query of queries.slice(0, SCAN_QUERIES)) {
    const start = performance.now();
    let best: TmMatch | undefined;
    for (const match of store.scanMatches(query.text, 'zh', 70))
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
  await store.close();
  if (keepAt < 0) rmSync(dir, { recursive: true, force: true });
}

await main();
