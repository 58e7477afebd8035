import type { BatchProgress } from '../../app/batch.js';
import type { CliIo } from '../io.js';
import { outputMode } from '../options.js';
import { progressBar } from '../progress.js';

// How `batch` reports progress: the CLI's shared bar on a terminal (documents with percentage and
// ETA; pairs and failures beside the phase), JSON lines for machines (`--progress json`), or nothing.

export type ProgressMode = 'bar' | 'json' | 'none';

export function progressMode(io: CliIo, asked: string | undefined, quiet = false): ProgressMode {
  if (asked === 'json') return 'json';
  return outputMode(io, { quiet }).progress ? 'bar' : 'none';
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
  const bar = progressBar(io, true);
  return {
    update: (p) =>
      bar.onProgress({
        ...p,
        phase: 'aligning',
        item: `${p.pairs} pairs${p.failed ? `, ${p.failed} failed` : ''}`,
      }),
    stop: () => bar.stop(),
  };
}
