import { expect } from 'vitest';
import { EXAMPLE_PATH, readExample, runCli } from '../helpers.js';

// The founding sample as the document tests use it (align-documents, align-pdf, align-tables): its
// paragraphs, the pairs and QA findings the .txt gives (what every other form of it must give), and
// the shape of a refusal.

export type Pair = [string, string];

/** The sample's paragraphs, one per non-blank line: five Chinese, then five English. */
export const SAMPLE_LINES = readExample()
  .split('\n')
  .filter((l) => l.trim());
export const SAMPLE_ZH = SAMPLE_LINES.slice(0, 5);
export const SAMPLE_EN = SAMPLE_LINES.slice(5);

/** `align`'s TSV output as pairs. */
export function tsvPairs(stdout: string): Pair[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t') as Pair);
}

/** The 5 pairs `bitext align` gives for the sample's .txt. */
export async function samplePairs(): Promise<Pair[]> {
  const { code, stdout } = await runCli(['align', EXAMPLE_PATH]);
  expect(code).toBe(0);
  const pairs = tsvPairs(stdout);
  expect(pairs).toHaveLength(5);
  return pairs;
}

/** A finding of `bitext qa --format json`, less its file name (which differs between forms). */
export type QaFinding = { check: string; message: string } & Record<string, unknown>;

/** `bitext qa FILE --format json`'s findings. */
export async function qaFindings(file: string): Promise<QaFinding[]> {
  const { code, stdout, stderr } = await runCli(['qa', file, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as Array<QaFinding & { file: string }>).map(
    ({ file: _file, ...finding }) => finding,
  );
}

/**
 * A refusal as the CLI must give one: exit 1, nothing on stdout, and one line on stderr (so no stack
 * trace) that matches `message`.
 */
export function expectRefusal(
  result: { code: number; stdout: string; stderr: string },
  message: RegExp | string,
): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
}
