import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/formats/documents/index.js';
import { EXAMPLE_PATH, runCli, tempDir } from './helpers.js';
import { buildPdf, pressReleasePdf, RUNNING_HEADER } from './support/pdf.js';
import {
  SAMPLE_EN as en,
  expectRefusal,
  SAMPLE_LINES as lines,
  type Pair,
  qaFindings,
  samplePairs,
  tsvPairs,
  SAMPLE_ZH as zh,
} from './support/sample.js';

// The founding sample as a typeset PDF, built here: a running header and a page number on every
// page, paragraphs wrapped at a fixed width, English words hyphenated at line ends and a pinyin
// gloss cut by a line break. It must align to the same 5 pairs as the .txt, with no page furniture.

const layout = pressReleasePdf(lines);

const { dir, cleanup } = tempDir();
afterAll(cleanup);
let expected: Pair[];
beforeAll(async () => {
  expected = await samplePairs();
});

function save(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('the test PDF', () => {
  it('has what the reader must undo: 3 pages, a paragraph across a page break, soft and real hyphens at line ends, a split gloss', () => {
    const texts = layout.lines.map((l) => l.text);
    expect(new Set(layout.lines.map((l) => l.page)).size).toBe(3);
    expect(texts).toContain('by Secretary General Yuan on relevant work, and strived'); // last on page 2
    expect(texts.filter((t) => /\p{Script=Han}\(\p{Script=Latin}+$/u.test(t)).length).toBeGreaterThan(0);
    expect(texts.filter((t) => /[a-z]{3}-$/.test(t) && !/-[a-z]+-$/.test(t)).length).toBeGreaterThan(2);
    expect(texts.some((t) => t.endsWith('people-to-'))).toBe(true);
    expect(texts.some((t) => t.endsWith('COVID-'))).toBe(true);
  });
});

describe('reading a PDF', () => {
  it('gives back each paragraph whole: Chinese joined without spaces, words and glosses rejoined, header and page numbers gone', async () => {
    const { format, paragraphs } = await readDocument(layout.pdf, 'release.pdf');
    expect(format).toBe('pdf');
    const texts = paragraphs.map((p) => p.text);
    expect(texts.slice(0, 5)).toEqual(zh);
    const english = texts.slice(5).join(' ');
    expect(english).toBe(en.join(' '));
    expect(english).toContain('level-II inspector');
    expect(english).toContain('people-to-people');
    expect(english).toContain('COVID-19');
    expect(english).toContain('international exchanges');
    expect(english).toContain('aforementioned');
    expect(texts.join('\n')).not.toContain(RUNNING_HEADER);
    // line 1 of the page is the running header
    expect(paragraphs[0]!.source).toMatchObject({ page: 1, line: 2, block: 1 });
    expect(paragraphs.at(-1)!.source.page).toBe(3);
  });
});

describe('bitext align on a PDF', () => {
  it('gives the sample 5 pairs, with no running header or page number in them', async () => {
    const { code, stdout, stderr } = await runCli(['align', save('release.pdf', layout.pdf)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
    expect(stdout).not.toContain('重慶市人民政府外事辦公室');
    expect(stdout).not.toMatch(/(?:^|\t)\d+(?:\t|$)/m);
  });

  it('reads a renamed PDF by its content', async () => {
    const { code, stdout } = await runCli(['align', save('release.bin', layout.pdf)]);
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('refuses damaged, password-protected and scanned PDFs with one line naming the file, never a stack trace', async () => {
    const scanned = buildPdf([
      { texts: [], image: true },
      { texts: [], image: true },
    ]);
    const locked = buildPdf([{ texts: [{ x: 60, y: 500, size: 11, text: '重慶 Chongqing' }] }], {
      passwordProtected: true,
    });
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      ['truncated.pdf', layout.pdf.subarray(0, 400), /truncated\.pdf: not a readable PDF/],
      ['garbage.pdf', '%PDF-1.7\nnot a PDF after all\n', /garbage\.pdf: not a readable PDF/],
      ['text.pdf', 'just some text', /text\.pdf \(byte 0\): not a PDF/],
      ['locked.pdf', locked, /locked\.pdf: a password-protected PDF/],
      ['scanned.pdf', scanned, /scanned\.pdf: a PDF with no text layer/],
    ];
    for (const [name, bytes, message] of cases) {
      expectRefusal(await runCli(['align', save(name, bytes)]), message);
    }
  });
});

describe('qa, terms and tm add read PDFs', () => {
  it('qa finds the same as in the .txt', async () => {
    expect(await qaFindings(save('qa.pdf', layout.pdf))).toEqual(await qaFindings(EXAMPLE_PATH));
  });

  it('terms extracts the same terms as from the .txt', async () => {
    const fromText = await runCli(['terms', EXAMPLE_PATH]);
    const fromPdf = await runCli(['terms', save('terms.pdf', layout.pdf)]);
    expect(fromPdf.code).toBe(0);
    expect(fromPdf.stdout).toBe(fromText.stdout);
  });

  it('tm add stores the 5 pairs', async () => {
    const db = join(dir, 'tm.db');
    const added = await runCli(['tm', 'add', save('tm.pdf', layout.pdf), '--db', db, '--format', 'json']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const exported = await runCli(['tm', 'export', '--format', 'tsv', '--db', db]);
    expect(exported.code).toBe(0);
    const units = exported.stdout.trimEnd().split('\n');
    expect(units.filter((u) => u.includes('\t'))).toHaveLength(5);
    expect(exported.stdout).not.toContain('重慶市人民政府外事辦公室');
  });
});
