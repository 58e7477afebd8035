import { availableParallelism } from 'node:os';
import { type Command, Option } from 'commander';
import { type BatchSummary, enqueueBatch, runBatch } from '../../app/batch.js';
import { BitextError } from '../../core/errors.js';
import { PAIR_FORMATS, type PairFormat } from '../../formats/pairs.js';
import type { TmStore } from '../../store/tm-store.js';
import type { CliIo } from '../io.js';
import { type Example, numberOption, withExamples, withSharedFlags } from '../options.js';
import { DB_OPTION_HELP, withStore } from '../store-option.js';
import { progressMode, progressView } from './batch-progress.js';

interface BatchFlags {
  out: string;
  format: PairFormat;
  jobs: number;
  force?: boolean;
  progress?: 'json';
  tm?: string;
  queue?: string;
  wait?: boolean;
  quiet?: boolean;
}

const EXAMPLES: readonly Example[] = [
  { command: 'bitext batch corpus/ --out aligned/', says: 'every document of corpus/, as TSV, on all cores' },
  { command: 'bitext batch corpus/ --out aligned/ --format jsonl --jobs 2', says: 'JSON lines, two at once' },
  {
    command: 'bitext batch corpus/ --out aligned/ --tm corpus.db',
    says: 'also store the pairs in a TM (each document once)',
  },
  {
    command: 'bitext batch corpus/ --out aligned/ --progress json',
    says: 'progress events on stderr, one JSON object a line',
  },
  {
    command:
      'bitext batch /shared/corpus --out /shared/aligned --queue redis://queue:6379 --wait --tm postgres://tm@db/tm',
    says: 'jobs for `bitext worker`s on other machines',
  },
];

const NOTES = `A document is one bilingual file (any format \`bitext align\` reads) or two files NAME.zh.EXT and
NAME.en.EXT. Outputs go to OUT_DIR/PATH.FORMAT, each written whole or not at all, and
OUT_DIR/batch-report.jsonl gives each document's status, pairs, mean confidence, time and, for a
failure, the reason. Run the same command again after a crash: the documents done are skipped
(--force redoes them). Exit 1 when a document failed (the others are still done).`;

export function registerBatch(program: Command, io: CliIo): void {
  const command = program
    .command('batch')
    .description(
      'align every document of a folder (recursively) into an output folder, in parallel, with resume',
    )
    .argument('<in-dir>', 'folder of bilingual documents')
    .requiredOption('-o, --out <dir>', 'output folder (not inside the input folder)');
  withSharedFlags(command, { format: PAIR_FORMATS })
    .addOption(
      numberOption(
        '-j, --jobs <n>',
        'documents aligned at once, on worker threads',
        { min: 1, integer: true },
        availableParallelism(),
        'the cores',
      ),
    )
    .option('--force', 'redo every document, even those an earlier run finished')
    .addOption(new Option('--progress <kind>', 'progress events for machines, on stderr').choices(['json']))
    .option(
      '--tm <db>',
      `also store the pairs in this TM (${DB_OPTION_HELP.replace(/^the TM and termbase: /, '')})`,
    )
    .option(
      '--queue <url>',
      'enqueue a job per document on BullMQ at redis://HOST:PORT, for `bitext worker`s to do',
    )
    .option('--wait', 'with --queue: wait for the jobs, show their progress and write the report');
  withExamples(command, EXAMPLES, NOTES).action(async (inDir: string, flags: BatchFlags) => {
    if (flags.wait && !flags.queue) throw new BitextError('USAGE', '--wait goes with --queue');
    if (flags.queue) {
      await queueBatch(io, inDir, flags, flags.queue);
      return;
    }
    const view = progressView(io, progressMode(io, flags.progress, flags.quiet));
    const run = (tm?: TmStore) =>
      runBatch({
        inDir,
        outDir: flags.out,
        format: flags.format,
        jobs: flags.jobs,
        force: flags.force,
        cwd: io.cwd,
        tm,
        onProgress: (p) => view.update(p),
      });
    let summary: BatchSummary;
    try {
      // A batch's TM keeps the documents added before a failure: the resumed run adds the rest.
      summary = flags.tm
        ? await withStore(io, flags.tm, 'write', (store) => run(store.tm), undefined, 'in-place')
        : await run();
    } finally {
      view.stop();
    }
    reportSummary(io, summary);
  });
}

/**
 * `--queue`: a job per document on BullMQ. The TM, if any, is written by the workers (give them one
 * they all reach: a postgres:// URL). Without `--wait` the command returns once the jobs are queued.
 */
async function queueBatch(io: CliIo, inDir: string, flags: BatchFlags, url: string): Promise<void> {
  const mode = progressMode(io, flags.progress, flags.quiet);
  // BullMQ and ioredis load only for --queue: a local batch's start-up is on its critical path.
  const { connectRedis, displayUrl } = await import('../../queue/connection.js');
  const { QueueRunner } = await import('../../queue/queue-runner.js');
  const connection = await connectRedis(url);
  const runner = new QueueRunner(connection, {
    tm: flags.tm,
    force: flags.force ? String(Date.now()) : undefined,
    onJobProgress: (p) => {
      if (mode === 'json') io.stderr.write(`${JSON.stringify({ event: 'job', ...p })}\n`);
    },
  });
  try {
    if (!flags.wait) {
      const options = { inDir, outDir: flags.out, format: flags.format, cwd: io.cwd, force: flags.force };
      const { enqueued, done } = await enqueueBatch(options, async (d, o) => {
        await runner.enqueue(d, o);
      });
      const earlier = done ? ` (${done} done by an earlier run)` : '';
      io.stdout.write(
        `${enqueued} documents queued on ${displayUrl(url)}${earlier}; run \`bitext batch … --queue … --wait\` for the report\n`,
      );
      return;
    }
    const view = progressView(io, mode);
    let summary: BatchSummary;
    try {
      summary = await runBatch({
        inDir,
        outDir: flags.out,
        format: flags.format,
        // Every document's job is queued at once; the workers decide how many run.
        jobs: Number.MAX_SAFE_INTEGER,
        force: flags.force,
        cwd: io.cwd,
        runner,
        onProgress: (p) => view.update(p),
      });
    } finally {
      view.stop();
    }
    reportSummary(io, summary);
  } finally {
    await runner.close();
    connection.disconnect();
  }
}

/** One summary line on stdout; each failure on stderr, then exit 1 when there was one. */
export function reportSummary(io: CliIo, summary: BatchSummary): void {
  const total = summary.records.filter((r) => r.status !== 'skipped').length;
  const resumed = summary.resumed ? ` (${summary.resumed} from an earlier run)` : '';
  io.stdout.write(
    `${total} documents: ${summary.done} done${resumed}, ${summary.failed.length} failed; ${summary.pairs} pairs; report ${summary.report}\n`,
  );
  if (summary.failed.length === 0) return;
  for (const failure of summary.failed) io.stderr.write(`  ${failure.document}: ${failure.reason}\n`);
  throw new BitextError(
    'BATCH_FAILED',
    `${summary.failed.length} of ${total} documents failed (listed above; the others are done)`,
  );
}
