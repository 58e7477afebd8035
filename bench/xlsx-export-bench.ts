/**
 * `tm export --format xlsx` benchmark (`npm run bench:xlsx [-- --units N] [-- --baseline DIR]`):
 * writes N synthetic TM units (default 600,000; tm-synthetic.ts's sentences, a document name,
 * position, confidence and dates on each, as a TM from `tm add` has them) through exportUnits as an
 * .xlsx and reports rows/s, CPU seconds, the time to the first byte, the file's size and the peak RSS
 * of the process. The units come from a store stand-in that makes them on the fly, so what is
 * measured is the export and the sheet writer, not SQLite.
 *
 * Each run is a child process, so its peak RSS is its own. `--baseline DIR` runs the same with the
 * code in DIR (another checkout with node_modules linked, e.g. `git worktree add /tmp/base COMMIT`)
 * in the same run, so the machine's load weighs on both alike. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

interface Result {
  units: number;
  seconds: number;
  cpuSeconds: number;
  firstByteSeconds: number;
  bytes: number;
  peakRssMb: number;
}

/** In the child: export `units` synthetic units with the code under `root`, to a byte counter. */
async function child(root: string, units: number): Promise<void> {
  const { exportUnits } = await import(pathToFileURL(path.join(root, 'src/store/export.ts')).href);
  const { makeSentencePairs } = await import(pathToFileURL(path.join(HERE, 'tm-synthetic.ts')).href);
  const next = makeSentencePairs(7) as () => { zh: string; en: string };
  const created = new Date('2026-11-01T08:00:00Z').toISOString();
  const store = {
    async *units() {
      for (let id = 1; id <= units; id++) {
        const { zh, en } = next();
        yield {
          id,
          zh,
          en,
          zhLang: 'zh-CN',
          enLang: 'en-US',
          zhScript: 'simplified',
          document: `press/release-${Math.ceil(id / 40)}.html`,
          position: id % 40,
          confidence: 0.5 + (id % 500) / 1000,
          createdAt: created,
          changedAt: created,
        };
      }
    },
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  let firstByte = 0;
  for await (const chunk of exportUnits(store, 'xlsx')) {
    if (bytes === 0) firstByte = performance.now() - start;
    bytes += (chunk as Uint8Array).length;
  }
  const used = process.cpuUsage(cpu);
  const result: Result = {
    units,
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    firstByteSeconds: firstByte / 1000,
    bytes,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(root: string, units: number): Result {
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', root, '--units', String(units)],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (out.status !== 0) throw new Error(`export under ${root} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Result;
}

function line(label: string, r: Result): string {
  return `${label.padEnd(10)} ${r.units.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s (${Math.round(r.units / r.seconds).toLocaleString('en-US')} rows/s), ${r.cpuSeconds.toFixed(1)} s CPU, first byte after ${r.firstByteSeconds.toFixed(2)} s, ${(r.bytes / 2 ** 20).toFixed(1)} MiB, peak RSS ${r.peakRssMb.toFixed(0)} MB`;
}

const units = Number(flag('units') ?? 600_000);
const childRoot = flag('child');
if (childRoot !== undefined) {
  await child(childRoot, units);
} else {
  const baseline = flag('baseline');
  console.log(`tm export --format xlsx, ${units.toLocaleString('en-US')} synthetic units`);
  console.log(line('this', run(ROOT, units)));
  if (baseline) console.log(line('baseline', run(path.resolve(baseline), units)));
}
