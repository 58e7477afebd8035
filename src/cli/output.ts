import { resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { CliIo } from './io.js';

/** Writes a command's output to stdout, or atomically to `out` (relative to the CLI's cwd). */
export async function writeOutput(io: CliIo, content: string, out?: string): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout.write(content);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, out), content, { name: out });
}
