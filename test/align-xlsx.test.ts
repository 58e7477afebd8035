import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import { EXAMPLE_PATH, REPO_ROOT, runCli, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function rows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('bitext align --format xlsx', () => {
  it('writes the pairs of the founding sample to --out, the same pairs as jsonl', async () => {
    const out = join(dir, 'pairs.xlsx');
    const { code, stdout, stderr } = await runCli(['align', EXAMPLE_PATH, '--format', 'xlsx', '--out', out]);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const jsonl = (await runCli(['align', EXAMPLE_PATH, '--format', 'jsonl'])).stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const sheet = await rows(readFileSync(out));
    expect(sheet[0]).toEqual([
      'zh',
      'en',
      'confidence',
      'zh ids',
      'en ids',
      'source',
      'zh position',
      'en position',
    ]);
    expect(sheet.slice(1)).toEqual(
      jsonl.map((p) => [
        p.zh,
        p.en,
        p.confidence,
        p.zhIds.join(','),
        p.enIds.join(','),
        EXAMPLE_PATH,
        `line ${p.zhSources[0].line}, column 1`,
        `line ${p.enSources[0].line}, column 1`,
      ]),
    );
    expect(sheet).toHaveLength(6);
  });

  it('writes to a pipe, and names both files as the source of two-file input', async () => {
    const lines = readFileSync(EXAMPLE_PATH, 'utf8').split('\n');
    const zh = join(dir, 'zh.txt');
    const en = join(dir, 'en.txt');
    writeFileSync(zh, lines.slice(0, 5).join('\n'));
    writeFileSync(en, lines.slice(5).join('\n'));
    const piped = memoryIo({ cwd: REPO_ROOT });
    expect(await run(['align', zh, en, '--format', 'xlsx'], piped.io)).toBe(0);
    const sheet = await rows(piped.stdoutBytes());
    expect(sheet).toHaveLength(6);
    expect(sheet[1]![5]).toBe(`${zh} + ${en}`);
  });

  it('refuses a terminal stdout in one line that points at --out, before reading anything', async () => {
    const memory = memoryIo({ cwd: REPO_ROOT, isTTY: true });
    expect(await run(['align', 'no-such-file.txt', '--format', 'xlsx'], memory.io)).toBe(1);
    expect(memory.stderr()).toBe(
      'bitext: --format xlsx writes a binary file, not text for a terminal; give --out FILE.xlsx (or pipe it)\n',
    );
    expect(memory.stdout()).toBe('');
  });
});
