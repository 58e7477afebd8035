import { resolve } from 'node:path';
import { BitextError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { assertNotOverwritingInput } from '../io/output-guard.js';
import type { CliIo } from './io.js';

/**
 * Writes a command's output to stdout, or atomically to `out` (relative to the CLI's cwd). `protect`
 * lists the files the output must not replace (the command's inputs, its database): naming one as
 * `out` is refused before anything is written, and, content being lazy, before it is produced.
 */
export async function writeOutput(
  io: CliIo,
  content: string | AsyncIterable<string | Uint8Array>,
  out?: string,
  protect: readonly (string | undefined)[] = [],
): Promise<void> {
  if (out === undefined || out === '-') {
    if (typeof content === 'string') io.stdout.write(content);
    else for await (const chunk of content) io.stdout.write(chunk);
    return;
  }
  await assertNotOverwritingInput(out, protect, io.cwd);
  await writeFileAtomic(resolve(io.cwd, out), content, { name: out });
}

/**
 * Refuses to write a binary format (XLSX) to standard output when that is a terminal: the bytes
 * would garble it and help no one. Piped or redirected, stdout takes them. Commands call it before
 * reading anything, so the refusal is immediate.
 */
export function refuseBinaryOnTerminal(io: CliIo, format: string, out: string | undefined): void {
  if ((out === undefined || out === '-') && io.isTTY) {
    throw new BitextError(
      'USAGE',
      `--format ${format} writes a binary file, not text for a terminal; give --out FILE.${format} (or pipe it)`,
    );
  }
}

/**
 * Refuses `-o` naming one of `inputs` (see assertNotOverwritingInput). Commands call it first, so a
 * refusal comes before any reading, aligning or saving, not after.
 */
export function refuseOutputOverInputs(
  io: CliIo,
  out: string | undefined,
  inputs: readonly (string | undefined)[],
): Promise<void> {
  return assertNotOverwritingInput(out, inputs, io.cwd);
}

/** SQLite keeps one database in up to four files; overwriting any of them corrupts it. */
export function databaseFiles(db: string | undefined): string[] {
  return db === undefined ? [] : [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}
