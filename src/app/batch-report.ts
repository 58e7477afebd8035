import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isBitextError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';

// The batch report, OUT_DIR/batch-report.jsonl: one line per document. During a run each finished
// document is appended at once (a single small write), so a run killed with -9 still says what it
// finished; at the end the report is rewritten whole, one line per document, through a rename.
// The next run reads it to skip the documents already done (resume).

export const REPORT_NAME = 'batch-report.jsonl';

export type DocumentStatus = 'done' | 'failed' | 'skipped';

export interface ReportRecord {
  /** The document's path under IN_DIR (see BatchDocument.id). */
  document: string;
  status: DocumentStatus;
  output?: string;
  pairs?: number;
  meanConfidence?: number;
  /** Wall-clock milliseconds spent on it. */
  ms?: number;
  /** Why it failed or was skipped. */
  reason?: string;
  /** Size and modification time of each input, with the format: a changed input is redone. */
  fingerprint?: string;
  /** What the TM did with it (`--tm`): units added, or already present. */
  tm?: { added: number; duplicates: number; alreadyPresent: boolean };
  /** Done by an earlier run and skipped by this one. */
  resumed?: boolean;
}

export function reportPath(outDir: string, cwd: string): string {
  return resolve(cwd, join(outDir, REPORT_NAME));
}

/**
 * The last record of each document in an earlier report. A line cut short by a kill (the last one)
 * or otherwise unreadable is ignored: at worst that document is done again.
 */
export async function readReport(path: string): Promise<Map<string, ReportRecord>> {
  const records = new Map<string, ReportRecord>();
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as ReportRecord;
      if (typeof record.document === 'string') records.set(record.document, record);
    } catch {
      // a torn last line
    }
  }
  return records;
}

/** Appends one record (the run's journal). */
export async function appendRecord(path: string, record: ReportRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${JSON.stringify(record)}\n`);
}

/** Rewrites the report whole, atomically: the final state of every document of this run. */
export async function writeReport(path: string, records: readonly ReportRecord[]): Promise<void> {
  await writeFileAtomic(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** What identifies a document's inputs cheaply: each file's size and modification time, and the format. */
export async function fingerprintOf(inputs: readonly string[], format: string, cwd: string): Promise<string> {
  const parts = await Promise.all(
    inputs.map(async (path) => {
      const info = await stat(resolve(cwd, path)).catch(() => undefined);
      return info ? `${info.size}:${Math.round(info.mtimeMs)}` : 'missing';
    }),
  );
  return `${format}|${parts.join('|')}`;
}

/** The bytes of a document's inputs, as its fingerprint gives them (0 for a missing input). */
export function inputBytesOf(fingerprint: string): number {
  let bytes = 0;
  for (const part of fingerprint.split('|').slice(1)) bytes += Number.parseInt(part, 10) || 0;
  return bytes;
}

/** True when the output an earlier record names is still there. */
export async function outputExists(output: string | undefined, cwd: string): Promise<boolean> {
  if (!output) return false;
  const info = await stat(resolve(cwd, output)).catch(() => undefined);
  return info?.isFile() ?? false;
}

/** A failure's one-line reason, as the CLI would print it (`file:line: message`). */
export function failureReason(error: unknown): string {
  if (isBitextError(error)) return error.describe();
  if (error instanceof Error) return `internal error: ${error.message}`;
  return `internal error: ${String(error)}`;
}
