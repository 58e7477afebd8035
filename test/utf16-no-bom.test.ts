import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PATH, readExample, runCli, tempDir } from './helpers.js';

// The founding sample as UTF-16 without a byte-order mark, as some Windows tools save it: every
// command that reads text detects the byte order instead of refusing the file as binary.
const sample = readExample();
const { dir, cleanup } = tempDir();
afterAll(cleanup);

function utf16(text: string, encoding: 'utf-16le' | 'utf-16be'): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') bytes.swap16();
  return bytes;
}

describe.each(['utf-16le', 'utf-16be'] as const)('the founding sample in %s without a BOM', (encoding) => {
  const file = join(dir, `sample.${encoding}.txt`);
  writeFileSync(file, utf16(sample, encoding));

  it('aligns to the same 5 pairs as the UTF-8 file', async () => {
    const utf8 = await runCli(['align', EXAMPLE_PATH]);
    const { code, stdout, stderr } = await runCli(['align', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(utf8.stdout);
    expect(stdout.trimEnd().split('\n')).toHaveLength(5);
  });

  it('is checked by qa and read by terms as the UTF-8 file is', async () => {
    const qa = await runCli(['qa', file, '--format', 'json']);
    expect(qa.code).toBe(0);
    const expected = await runCli(['qa', EXAMPLE_PATH, '--format', 'json']);
    const withoutFile = (stdout: string) =>
      (JSON.parse(stdout) as Array<{ file: string }>).map(({ file: _, ...finding }) => finding);
    expect(withoutFile(qa.stdout)).toHaveLength(1);
    expect(withoutFile(qa.stdout)).toEqual(withoutFile(expected.stdout));
    const terms = await runCli(['terms', file, '--format', 'tsv']);
    expect(terms.code).toBe(0);
    expect(terms.stdout).toBe((await runCli(['terms', EXAMPLE_PATH, '--format', 'tsv'])).stdout);
  });

  it('imports as a TSV', async () => {
    const tsv = join(dir, `pairs.${encoding}.tsv`);
    writeFileSync(tsv, utf16('zh-TW\ten-US\n重慶市外事工作\tForeign affairs of Chongqing\n', encoding));
    const db = join(dir, `${encoding}.db`);
    const { code, stdout } = await runCli(['tm', 'import', tsv, '--db', db, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ read: 1, added: 1 });
    const units = await runCli(['tm', 'export', '--format', 'jsonl', '--db', db]);
    expect(JSON.parse(units.stdout)).toMatchObject({ zh: '重慶市外事工作', zhLang: 'zh-TW' });
  });
});
