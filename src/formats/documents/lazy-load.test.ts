import { describe, expect, it, vi } from 'vitest';
import { buildDocx } from '../../../test/support/docx.js';

// The libraries of Word, web-page, PDF and Excel reading take a large part of a start-up when
// loaded (mammoth, linkedom, Readability, pdf.js, exceljs): each is loaded when its format is read,
// never on the way to reading a .txt. Each mock passes the real module through and notes the load.

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('mammoth', async (original) => {
  loaded.add('mammoth');
  return original();
});
vi.mock('linkedom', async (original) => {
  loaded.add('linkedom');
  return original();
});
vi.mock('@mozilla/readability', async (original) => {
  loaded.add('@mozilla/readability');
  return original();
});
vi.mock('pdfjs-dist/legacy/build/pdf.mjs', async (original) => {
  loaded.add('pdfjs-dist');
  return original();
});
vi.mock('exceljs', async (original) => {
  loaded.add('exceljs');
  return original();
});

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('format libraries', () => {
  it('are loaded when their format is read, not by the CLI reading a .txt', async () => {
    const { run } = await import('../../cli/run.js');
    const { readDocument } = await import('./index.js');
    expect(run).toBeTypeOf('function');
    await readDocument(utf8('會議在重慶舉行。\nThe meeting was held in Chongqing.'), 'a.txt');
    expect([...loaded]).toEqual([]);
    await readDocument(utf8('<p>會議在重慶舉行。</p><p>The meeting was held in Chongqing.</p>'), 'a.html');
    expect([...loaded].sort()).toEqual(['@mozilla/readability', 'linkedom']);
    await readDocument(await buildDocx([{ paragraph: '會議在重慶舉行。' }]), 'a.docx');
    expect([...loaded].sort()).toEqual(['@mozilla/readability', 'linkedom', 'mammoth']);
  });
});
