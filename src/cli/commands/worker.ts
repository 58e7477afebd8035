import type { Command } from 'commander';
import { BitextError } from '../../core/errors.js';
import { connectRedis, displayUrl } from '../../queue/connection.js';
import { BatchWorker, DEFAULT_WORKER_SETTINGS } from '../../queue/queue-worker.js';
import type { CliIo } from '../io.js';

interface WorkerFlags {
  queue: string;
  concurrency: number;
  lockSeconds: number;
}

const EXAMPLES = `
Examples:
  $ bitext worker --queue redis://queue.example:6379                 one document at a time, until stopped
  $ bitext worker --queue redis://queue.example:6379 --concurrency 2   two at once (one per core)

A worker takes the jobs \`bitext batch … --queue URL\` enqueues and does each as a local batch would:
the same output file, written whole or not at all, and the same TM storage (each document once).
Run any number, on any machines that see the batch's folders at the same paths. A worker that is
killed leaves its job to another after --lock-seconds. Stop one with Ctrl-C or SIGTERM.`;

export function registerWorker(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('do the jobs of `bitext batch --queue` (BullMQ on Redis) until stopped')
    .requiredOption('--queue <url>', 'the queue: redis://HOST:PORT')
    .option(
      '--concurrency <n>',
      'documents at once',
      integerFrom(1, '--concurrency'),
      DEFAULT_WORKER_SETTINGS.concurrency,
    )
    .option(
      '--lock-seconds <s>',
      'how long a job stays with a worker that stopped answering before another takes it',
      integerFrom(1, '--lock-seconds'),
      DEFAULT_WORKER_SETTINGS.lockMs / 1000,
    )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: WorkerFlags) => {
      const connection = await connectRedis(flags.queue);
      const lockMs = flags.lockSeconds * 1000;
      const worker = new BatchWorker(connection, {
        concurrency: flags.concurrency,
        lockMs,
        // Check for stalled jobs twice per lock period, so a dead worker's job waits at most 1.5 locks.
        stalledIntervalMs: Math.max(500, lockMs / 2),
        onEvent: (e) => io.stderr.write(`${e.kind} ${e.document}${e.detail ? `: ${e.detail}` : ''}\n`),
      });
      io.stderr.write(`bitext worker: waiting for jobs on ${displayUrl(flags.queue)}\n`);
      // Runs until the process is stopped (the bin shim ends it on SIGINT/SIGTERM; the job in hand
      // then goes to another worker once its lock lapses).
      await worker.closed;
      connection.disconnect();
    });
}

function integerFrom(min: number, flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new BitextError('USAGE', `${flag} must be an integer from ${min} up, got "${value}"`);
    return n;
  };
}
