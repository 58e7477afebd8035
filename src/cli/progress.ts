import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import type { Progress } from '../app/use-case.js';
import type { CliIo } from './io.js';

/** What a command hands the application layer as `onProgress`, and stops when the work ends. */
export interface ProgressBar {
  onProgress: (progress: Progress) => void;
  /** Removes the bar (it is cleared, so the command's own output follows on a clean line). */
  stop(): void;
}

const require = createRequire(import.meta.url);

const OFF: ProgressBar = { onProgress: () => {}, stop: () => {} };

/**
 * A progress bar on stderr (cli-progress), drawn only when `enabled` (outputMode: stderr is a
 * terminal, no --quiet, no JSON): pipes, logs and JSON readers never see it. A report with a total
 * draws a bar with a percentage and an estimate; one without (a streamed import, whose unit count
 * is known only at its end) a running count. Nothing is drawn for work that ends within `delayMs`,
 * so quick commands do not flicker.
 */
export function progressBar(io: CliIo, enabled: boolean, delayMs = io.progressDelayMs ?? 300): ProgressBar {
  if (!enabled) return OFF;
  const started = Date.now();
  let bar: CliProgress.SingleBar | undefined;
  let counting: boolean | undefined;
  // A terminal stream as cli-progress writes to it: stderr's text, with the cursor moves it asks for.
  const stream = {
    isTTY: true,
    columns: 80,
    write: (chunk: string) => io.stderr.write(chunk),
  } as unknown as NodeJS.WritableStream;
  return {
    onProgress(progress) {
      if (!bar && Date.now() - started < delayMs) return;
      const payload = {
        task: [progress.phase, progress.item].filter(Boolean).join(' '),
        unit: progress.unit,
      };
      const total = progress.total;
      if (bar && (total === undefined) !== counting) {
        bar.stop();
        bar = undefined;
      }
      if (!bar) {
        // Loaded only when a bar is drawn (~40 ms of start-up to every command otherwise).
        const cliProgress = require('cli-progress') as typeof CliProgress;
        counting = total === undefined;
        bar = new cliProgress.SingleBar(
          {
            stream,
            clearOnComplete: true,
            hideCursor: false,
            barsize: 24,
            format: counting
              ? '{task}  {value} {unit}  {duration_formatted}'
              : '{task}  [{bar}] {percentage}%  {value}/{total} {unit}  eta {eta_formatted}',
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, progress.done, payload);
        return;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(progress.done, payload);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
