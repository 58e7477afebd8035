import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { tempDirsPerTest } from '../../../test/helpers.js';
import { SOURCE_CLI } from '../../../test/support/cli-process.js';
import { SAMPLE_EN, SAMPLE_ZH } from '../../../test/support/sample.js';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

// Batch on BullMQ with a real redis-server (test/support/redis-server.ts): workers are real
// processes of the CLI, and one is killed with SIGKILL in the middle of a job.

const newDir = tempDirsPerTest('bitext-queue-');
const workers: ChildProcess[] = [];
afterEach(() => {
  for (const worker of workers.splice(0)) worker.kill('SIGKILL');
});

/** Each test its own Redis database, so no job of one is seen by another's workers. */
let database = 0;
function queueUrl(): string {
  database++;
  return `${inject('redisUrl')}/${database}`;
}

async function cli(cwd: string, ...argv: string[]) {
  const memory = memoryIo({ cwd });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

interface WorkerProcess {
  child: ChildProcess;
  /** Resolves when the worker reports starting the document. */
  started(document: string): Promise<void>;
  log(): string;
}

function startWorker(cwd: string, url: string, lockSeconds = 2, ...more: string[]): WorkerProcess {
  const child = spawn(
    process.execPath,
    [...SOURCE_CLI, 'worker', '--queue', url, '--lock-seconds', String(lockSeconds), ...more],
    {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  workers.push(child);
  let log = '';
  const waiters: Array<() => void> = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    child,
    log: () => log,
    started: (document) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (log.includes(`start ${document}\n`)) resolve();
          else if (child.exitCode !== null) reject(new Error(`worker exited: ${log}`));
          else waiters.push(check);
        };
        check();
      }),
  };
}

function sampleDocument(i: number): string {
  const start = i % (SAMPLE_ZH.length - 1);
  return `${SAMPLE_ZH.slice(start, start + 2 + (i % 3)).join('\n')}\n\n${SAMPLE_EN.slice(start, start + 2 + (i % 3)).join('\n')}\n`;
}

/** A document that takes the aligner a few seconds: time to kill its worker in the middle. */
function bigDocument(): string {
  const repeat = (lines: readonly string[]) => Array.from({ length: 60 }, () => lines.join('\n')).join('\n');
  return `${repeat(SAMPLE_ZH)}\n\n${repeat(SAMPLE_EN)}\n`;
}

function writeCorpus(root: string, count: number): void {
  mkdirSync(join(root, 'in'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(root, `in/doc${i}.txt`), sampleDocument(i));
}

function report(root: string): Array<Record<string, unknown>> {
  return readFileSync(join(root, 'out/batch-report.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

// Real processes, worker threads and a kill: minutes when the machine is shared, not seconds.
describe('bitext batch --queue and bitext worker', { timeout: 300_000 }, () => {
  it('two workers do the jobs; the outputs are what a local batch writes; the waiting batch reports progress', async () => {
    const root = newDir();
    writeCorpus(root, 6);
    const url = queueUrl();
    startWorker(root, url);
    startWorker(root, url);
    const memory = memoryIo({ cwd: root });
    const code = await run(
      ['batch', 'in', '--out', 'out', '--queue', url, '--wait', '--progress', 'json'],
      memory.io,
    );
    expect(memory.stderr()).toMatch(/"event":"job","document":"doc\d\.txt","stage":"align"/);
    expect(code).toBe(0);
    expect(memory.stdout()).toMatch(/^6 documents: 6 done, 0 failed/);
    const local = await cli(root, 'batch', 'in', '--out', 'local', '--jobs', '1');
    expect(local.code).toBe(0);
    for (let i = 0; i < 6; i++)
      expect(readFileSync(join(root, `out/doc${i}.tsv`), 'utf8')).toBe(
        readFileSync(join(root, `local/doc${i}.tsv`), 'utf8'),
      );
    expect(report(root).every((r) => r['status'] === 'done')).toBe(true);
  });

  it('a worker killed mid-job leaves the job to the other; each document has one output and is stored once', async () => {
    const root = newDir();
    writeCorpus(root, 3);
    writeFileSync(join(root, 'in/big.txt'), bigDocument());
    const url = queueUrl();
    // Queue first, then one worker takes the big document (jobs are taken in order: big.txt first).
    const queued = await cli(root, 'batch', 'in', '--out', 'out', '--queue', url, '--tm', 'corpus.db');
    expect(queued.stdout).toMatch(/^4 documents queued on redis:\/\/127\.0\.0\.1:\d+\/\d+/);
    // Queuing the same folder again adds no job: the ids are the documents'.
    expect((await cli(root, 'batch', 'in', '--out', 'out', '--queue', url, '--tm', 'corpus.db')).code).toBe(
      0,
    );
    const doomed = startWorker(root, url);
    await doomed.started('big.txt');
    doomed.child.kill('SIGKILL');
    const survivor = startWorker(root, url);
    const waited = await cli(
      root,
      'batch',
      'in',
      '--out',
      'out',
      '--queue',
      url,
      '--tm',
      'corpus.db',
      '--wait',
    );
    expect(waited.stderr).toBe('');
    expect(waited.code).toBe(0);
    expect(waited.stdout).toMatch(/^4 documents: 4 done, 0 failed/);
    expect(survivor.log()).toMatch(/^done big\.txt: \d+ pairs$/m);
    const align = await cli(root, 'align', 'in/big.txt');
    expect(readFileSync(join(root, 'out/big.tsv'), 'utf8')).toBe(align.stdout);
    const stats = JSON.parse(
      (await cli(root, 'tm', 'stats', '--db', 'corpus.db', '--format', 'json')).stdout,
    );
    expect(stats.documents).toBe(4);
    // A forced re-run does every job again (new ids): the outputs stay whole, the TM adds nothing.
    const again = await cli(
      root,
      'batch',
      'in',
      '--out',
      'out',
      '--queue',
      url,
      '--tm',
      'corpus.db',
      '--wait',
      '--force',
    );
    expect(again.code).toBe(0);
    for (const r of report(root)) expect(r['tm']).toMatchObject({ added: 0, alreadyPresent: true });
    expect(
      JSON.parse((await cli(root, 'tm', 'stats', '--db', 'corpus.db', '--format', 'json')).stdout),
    ).toEqual(stats);
    expect(readFileSync(join(root, 'out/big.tsv'), 'utf8')).toBe(align.stdout);
  });

  it('a worker with --concurrency 2 does two documents at once', async () => {
    const root = newDir();
    mkdirSync(join(root, 'in'));
    writeFileSync(join(root, 'in/a.txt'), bigDocument());
    writeFileSync(join(root, 'in/b.txt'), bigDocument());
    const url = queueUrl();
    const worker = startWorker(root, url, 30, '--concurrency', '2');
    const result = await cli(root, 'batch', 'in', '--out', 'out', '--queue', url, '--wait');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2 documents: 2 done, 0 failed/);
    // Both started before either was done: the second did not wait for the first.
    const events = worker
      .log()
      .split('\n')
      .filter((line) => /^(start|done) /.test(line))
      .map((line) => line.split(' ')[0]);
    expect(events).toEqual(['start', 'start', 'done', 'done']);
  });

  it('a bad document fails once, with its reason, and the others are done', async () => {
    const root = newDir();
    writeCorpus(root, 2);
    writeFileSync(join(root, 'in/english.txt'), `${SAMPLE_EN.join('\n')}\n`);
    const url = queueUrl();
    const worker = startWorker(root, url);
    const result = await cli(root, 'batch', 'in', '--out', 'out', '--queue', url, '--wait');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^3 documents: 2 done, 1 failed/);
    expect(result.stderr).toMatch(/^ {2}english\.txt: .+/m);
    expect(worker.log().match(/^failed english\.txt/gm)).toHaveLength(1);
  });

  it('Redis unreachable: exit 1 with one line naming it, within 10 s', async () => {
    const root = newDir();
    writeCorpus(root, 1);
    const started = Date.now();
    const result = await cli(root, 'batch', 'in', '--out', 'out', '--queue', 'redis://127.0.0.1:1', '--wait');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      'bitext: cannot reach Redis at redis://127.0.0.1:1: connection refused (is redis-server running there?)\n',
    );
    const worker = await cli(root, 'worker', '--queue', 'redis://127.0.0.1:1');
    expect(worker.code).toBe(1);
    const bad = await cli(root, 'batch', 'in', '--out', 'out', '--queue', 'http://example.com');
    expect(bad.stderr).toBe('bitext: --queue takes a redis://HOST:PORT URL, got "http://example.com"\n');
  });
});
