import { readAtMost } from '../io/read-limited.js';
import type { CliIo } from './io.js';
import { tuneJitForInput } from './jit.js';

/** The real process streams. */
export function nodeIo(): CliIo {
  let inputBytes = 0;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: (maxBytes) => readAtMost(process.stdin, maxBytes, '<stdin>'),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    inputRead: (bytes) => {
      inputBytes += bytes;
      tuneJitForInput(inputBytes);
    },
  };
}
