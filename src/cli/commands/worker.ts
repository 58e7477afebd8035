import type { Command } from 'commander';
import { DEFAULT_WORKER_SETTINGS } from '../../queue/worker-settings.js';
import type { CliIo } from '../io.js';
import { numberOption, withExamples, withSharedFlags } from '../options.js';

interface WorkerFlags {
  queue: string;
  concurrency: number;
  lockSeconds: number;
  quiet?: boolean;
}

const NOTES = `A worker takes the jobs \`bitext batch … --queue URL\` enqueues and does each as a local batch would:
the same output file, written whole or not at all, and the same TM storage (each document once).
Run any number, on any machines that see the batch's folders at the same paths. A worker that is
killed leaves its job to another after --lock-seconds. Stop one with Ctrl-C or SIGTERM.`;

export function registerWorker(program: Command, io: CliIo): void {
  const command = program
    .command('worker')
    .description('do the jobs of `bitext batch --queue` (BullMQ on Redis) until stopped')
    .requiredOption('--queue <url>', 'the queue: redis://HOST:PORT')
    .addOption(
      numberOption(
        '--concurrency <n>',
        'documents at once',
        { min: 1, integer: true },
        DEFAULT_WORKER_SETTINGS.concurrency,
      ),
    )
    .addOption(
      numberOption(
        '--lock-seconds <s>',
        'how long a job stays with a worker that stopped answering before another takes it',
        { min: 1, integer: true },
        DEFAULT_WORKER_SETTINGS.lockMs / 1000,
      ),
    );
  withExamples(
    withSharedFlags(command, {}),
    [
      {
        command: 'bitext worker --queue redis://queue.example:6379',
        says: 'one document at a time, until stopped',
      },
      {
        command: 'bitext worker --queue redis://queue.example:6379 --concurrency 2',
        says: 'two at once (one per core)',
      },
    ],
    NOTES,
  ).action(async (flags: WorkerFlags) => {
    // Loaded when a worker starts: BullMQ and ioredis would cost every `bitext --help` ~0.4 s.
    const { connectRedis, displayUrl } = await import('../../queue/connection.js');
    const { BatchWorker } = await import('../../queue/queue-worker.js');
    const connection = await connectRedis(flags.queue);
    const lockMs = flags.lockSeconds * 1000;
    const worker = new BatchWorker(connection, {
      concurrency: flags.concurrency,
      lockMs,
      // Check for stalled jobs twice per lock period, so a dead worker's job waits at most 1.5 locks.
      stalledIntervalMs: Math.max(500, lockMs / 2),
      onEvent: (e) => {
        if (!flags.quiet) io.stderr.write(`${e.kind} ${e.document}${e.detail ? `: ${e.detail}` : ''}\n`);
      },
    });
    await worker.start();
    if (!flags.quiet) io.stderr.write(`bitext worker: waiting for jobs on ${displayUrl(flags.queue)}\n`);
    // Runs until the process is stopped (the bin shim ends it on SIGINT/SIGTERM; the job in hand
    // then goes to another worker once its lock lapses).
    await worker.closed;
    connection.disconnect();
  });
}
