import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-tm-export-'));
});

async function cli(argv: string[], isTTY = false) {
  const memory = memoryIo({ cwd: dir, env: { BITEXT_DB: join(dir, 'tm.db') }, isTTY });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdout(), stdoutBytes: memory.stdoutBytes(), stderr: memory.stderr() };
}

/** A TM of two language pairs: zh-TW/en-US (2 units) and zh-CN/en-GB (1), from TSVs with header rows. */
async function twoPairs() {
  writeFileSync(
    join(dir, 'tw.tsv'),
    'zh-TW\ten-US\n重慶市外事工作\tForeign affairs\n對外友協\tFriendship association\n',
  );
  writeFileSync(join(dir, 'cn.tsv'), 'zh-CN\ten-GB\n重庆市政府\tChongqing government\n');
  expect((await cli(['tm', 'import', 'tw.tsv'])).code).toBe(0);
  expect((await cli(['tm', 'import', 'cn.tsv'])).code).toBe(0);
}

describe('bitext tm export --format xliff2 and xlsx', () => {
  it('refuses mixed language pairs for XLIFF 2.0 in one line, and exports the pair chosen', async () => {
    await twoPairs();
    const mixed = await cli(['tm', 'export', '--format', 'xliff2', '--out', 'tm.xlf']);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(
      /^bitext: XLIFF 2\.0 holds one language pair per document, .*zh-TW\/en-US \(2\), zh-CN\/en-GB \(1\); choose one with --zh-lang and --en-lang.*\n$/,
    );
    expect(mixed.stderr.split('\n')).toHaveLength(2);
    const chosen = await cli(['tm', 'export', '--format', 'xliff2', '--zh-lang', 'zh-TW', '--out', 'tm.xlf']);
    expect(chosen).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const xml = readFileSync(join(dir, 'tm.xlf'), 'utf8');
    expect(xml).toMatch(/version="2\.0" srcLang="zh-TW" trgLang="en-US"/);
    expect(xml.match(/<unit /g)).toHaveLength(2);
    // Into a fresh TM through the CLI: the same two units, tags kept.
    const fresh = join(dir, 'fresh.db');
    expect((await cli(['tm', 'import', 'tm.xlf', '--db', fresh])).code).toBe(0);
    const units = (await cli(['tm', 'export', '--format', 'jsonl', '--db', fresh])).stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(units.map((u) => [u.zh, u.zhLang, u.enLang])).toEqual([
      ['重慶市外事工作', 'zh-TW', 'en-US'],
      ['對外友協', 'zh-TW', 'en-US'],
    ]);
    // Other formats take the language options too.
    expect((await cli(['tm', 'export', '--format', 'tsv', '--en-lang', 'en-GB'])).stdout).toBe(
      '重庆市政府\tChongqing government\n',
    );
  });

  it('writes XLSX into a pipe and refuses a terminal, pointing at --out', async () => {
    await twoPairs();
    const piped = await cli(['tm', 'export', '--format', 'xlsx']);
    expect(piped.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(piped.stdoutBytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(4).values as unknown[]).slice(1, 5)).toEqual([
      '重庆市政府',
      'Chongqing government',
      'zh-CN',
      'en-GB',
    ]);
    const terminal = await cli(['tm', 'export', '--format', 'xlsx'], true);
    expect(terminal.code).toBe(1);
    expect(terminal.stderr).toBe(
      'bitext: --format xlsx writes a binary file, not text for a terminal; give --out FILE.xlsx (or pipe it)\n',
    );
    expect((await cli(['tm', 'export', '--format', 'xlsx', '--out', 'tm.xlsx'], true)).code).toBe(0);
    expect(readFileSync(join(dir, 'tm.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});
