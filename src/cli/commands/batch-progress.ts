import cliProgress from 'cli-progress';
import type { BatchProgress } from '../../app/batch.js';
import type { CliIo } from '../io.js';

// How `batch` reports progress: a bar on a terminal (documents, pairs, rate, ETA), JSON lines for
// machines (`--progress json`), or nothing. Kept small and local until the CLI's shared progress
// module lands (helper H-15); then this should move onto it.

export type ProgressMode = 'bar' | 'json' | 'none';

/** A progress bar only where a person watches: stderr is a terminal. */
export function progressMode(io: CliIo, asked: string | undefined): ProgressMode {
  if (asked === 'json') return 'json';
  const stderrIsTTY = (io as CliIo & { stderrIsTTY?: boolean }).stderrIsTTY ?? io.isTTY;
  return stderrIsTTY ? 'bar' : 'none';
}

export interface ProgressView {
  update(progress: BatchProgress): void;
  stop(): void;
}

export function progressView(io: CliIo, mode: ProgressMode): ProgressView {
  if (mode === 'json') {
    return {
      update: (p) => io.stderr.write(`${JSON.stringify({ event: 'progress', ...p })}\n`),
      stop: () => {},
    };
  }
  if (mode === 'none') return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as unknown as NodeJS.WritableStream,
      format:
        '{bar} {value}/{total} documents | {pairs} pairs | {failed} failed | {rate} docs/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let startedAt: number | undefined;
  let active = false;
  return {
    update(p) {
      startedAt ??= p.done;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? ((p.done - startedAt) / seconds).toFixed(1) : '0.0';
      const payload = { pairs: p.pairs, failed: p.failed, rate };
      if (active) bar.update(p.done, payload);
      else bar.start(p.total, p.done, payload);
      active = true;
    },
    stop: () => {
      if (active) bar.stop();
    },
  };
}
