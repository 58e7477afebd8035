import { setFlagsFromString } from 'node:v8';

/**
 * Inputs smaller than this in all are aligned without V8's optimising compiler (tuneJitForCommand):
 * for a press release compiling hot functions costs more CPU than it saves. Measured as `bitext
 * align` CPU s without / with optimisation on prefixes of mac-dev 001 as documents: 1.5 KB 0.45 /
 * 0.53, 2.8 KB 0.51 / 0.64, 5.5 KB 0.75 / 0.74, 11 KB 1.1 / 1.0; all of mac-dev (bitext eval) 6.8 /
 * 3.2. The bundled sample (3.7 KB): 0.47 / 0.6–0.8 (interleaved runs, load average ~10).
 */
const SMALL_INPUT_BYTES = 4096;

/**
 * Commands whose work grows with the inputs they read through `readInput` (which reports their size
 * to `inputRead`): they start without optimising compilation, and get it back once the inputs are
 * large enough to repay it. Servers, workers and folder runs keep V8's default.
 */
const SIZED_BY_INPUT = new Set(['align', 'qa', 'terms']);

/**
 * Called once per process, with the command's name, before the command's code is compiled
 * (prepareCommand in load-bundle.ts): V8 accepts a code cache only under the flags it was made with.
 */
export function tuneJitForCommand(command: string | undefined): void {
  if (command !== undefined && SIZED_BY_INPUT.has(command)) setFlagsFromString('--no-opt');
}

/** Called as a command reads its inputs, with the bytes read so far. */
export function tuneJitForInput(bytesRead: number): void {
  if (bytesRead >= SMALL_INPUT_BYTES) setFlagsFromString('--opt');
}
