import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../../test/legacy-encoding.js';
import { buildDocx } from '../../../test/support/docx.js';
import { alignDocument } from '../../core/document.js';
import { BitextError } from '../../core/errors.js';
import { type DomElement, htmlBlocks } from './html-blocks.js';
import { detectDocumentFormat, readDocument, toSourceParagraphs } from './index.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function paragraphs(html: string | Uint8Array, name = 'page.html') {
  const doc = await readDocument(typeof html === 'string' ? utf8(html) : html, name);
  return doc.paragraphs.map((p) => ({ text: p.text, lang: p.lang }));
}

/** Paragraphs whose language no markup declares: the aligner finds it from the script. */
const undeclared = (...texts: string[]) => texts.map((text) => ({ text, lang: undefined }));

async function refusal(bytes: Uint8Array, name: string): Promise<BitextError> {
  try {
    await readDocument(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(BitextError);
    return error as BitextError;
  }
  throw new Error('expected the document to be refused');
}

describe('detectDocumentFormat', () => {
  it('goes by content first, then by extension', async () => {
    const docx = await buildDocx([{ paragraph: '中文' }]);
    expect(detectDocumentFormat(docx, 'a.docx')).toBe('docx');
    expect(detectDocumentFormat(docx, 'a.txt')).toBe('docx');
    expect(detectDocumentFormat(utf8('<!doctype html><p>x</p>'), 'a.txt')).toBe('html');
    expect(detectDocumentFormat(utf8('\ufeff  <!-- saved --> <HTML lang="zh">'), 'a')).toBe('html');
    expect(detectDocumentFormat(utf8('<?xml version="1.0"?><html xmlns="x">'), 'a.xhtml')).toBe('html');
    expect(detectDocumentFormat(utf8('中文\nEnglish'), 'a.html')).toBe('html');
    expect(detectDocumentFormat(utf8('中文 <p> in text\nEnglish'), 'a.txt')).toBe('text');
    expect(detectDocumentFormat(utf8('<tmx version="1.4">'), 'a.txt')).toBe('tmx');
    expect(
      detectDocumentFormat(utf8('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx>'), 'a.xml'),
    ).toBe('tmx');
    expect(detectDocumentFormat(utf8('<!-- x --><xliff version="2.0">'), 'a')).toBe('xliff');
    // Not an XLIFF inside, but named one: its reader says what is wrong.
    expect(detectDocumentFormat(utf8('not yet written'), 'a.mqxliff')).toBe('xliff');
    expect(detectDocumentFormat(utf8('zh,en'), 'a.CSV')).toBe('csv');
    expect(detectDocumentFormat(utf8('plain'), 'a.docx')).toBe('docx');
    expect(detectDocumentFormat(utf8('plain'), 'a.xlsx')).toBe('xlsx');
  });

  it('tells Excel from Word by the package’s own entries, not those of a workbook embedded in it', async () => {
    const workbook = new JSZip();
    workbook.file('[Content_Types].xml', '<Types/>');
    workbook.file('xl/workbook.xml', '<workbook/>');
    const xlsx = await workbook.generateAsync({ type: 'uint8array' });
    expect(detectDocumentFormat(xlsx, 'a.docx')).toBe('xlsx');
    // Word stores an embedded chart's workbook uncompressed: its entry names show in the bytes.
    const word = await JSZip.loadAsync(await buildDocx([{ paragraph: '中文' }]));
    word.file('word/embeddings/Chart.xlsx', xlsx, { compression: 'STORE' });
    const docx = await word.generateAsync({ type: 'uint8array' });
    expect(Buffer.from(docx).includes('xl/workbook.xml')).toBe(true);
    expect(detectDocumentFormat(docx, 'a.xlsx')).toBe('docx');
  });

  it('refuses a Word 97–2003 .doc by its OLE signature', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(() => detectDocumentFormat(ole, 'old.doc')).toThrow(/Word 97–2003 \.doc/);
  });
});

describe('web pages', () => {
  it('reads text by block element, <br> breaking a paragraph and inline markup running on', async () => {
    expect(
      await paragraphs(
        '<body><h2>標題</h2><p>第一段<b>加粗</b>文字。<br>第二行</p><ul><li>One <a href="#">link</a></li><li>Two</li></ul><table><tr><td>甲</td><td>乙</td><td>丙</td></tr></table></body>',
      ),
    ).toEqual(undeclared('標題', '第一段加粗文字。', '第二行', 'One link', 'Two', '甲', '乙', '丙'));
  });

  it('takes the language from lang attributes below <body>, unless the text has none of its script', async () => {
    const page = `<html lang="en"><body lang="en">
      <p>没有语言属性的中文段落。</p>
      <p>Names such as 王廣成 and 袁智兵 stay English here.</p>
      <div lang="zh-CN"><p>WHO、UNESCO 和 OECD 在 Geneva 开会。</p></div>
      <section lang="en"><p>Meeting in Geneva.</p><p>会议在日内瓦举行。</p><p lang="fr">Réunion à Genève.</p></section>
    </body></html>`;
    expect(await paragraphs(page)).toEqual([
      { text: '没有语言属性的中文段落。', lang: undefined },
      { text: 'Names such as 王廣成 and 袁智兵 stay English here.', lang: undefined },
      { text: 'WHO、UNESCO 和 OECD 在 Geneva 开会。', lang: 'zh' },
      { text: 'Meeting in Geneva.', lang: 'en' },
      { text: '会议在日内瓦举行。', lang: undefined },
      { text: 'Réunion à Genève.', lang: undefined },
    ]);
  });

  it('a declared language wins over the script when aligning', () => {
    // By its script this paragraph is English; its lang attribute says Chinese.
    const mixed = 'WHO、UNESCO 和 OECD 的 representatives 在 Geneva 开会。';
    const source = [
      { text: mixed, lang: 'zh' as const },
      { text: 'Representatives of the WHO, UNESCO and the OECD met in Geneva.', lang: 'en' as const },
    ];
    const { pairs } = alignDocument({ paragraphs: source });
    expect(pairs.map((p) => [p.zh, p.en])).toEqual([[mixed, source[1]!.text]]);
    expect(() => alignDocument({ paragraphs: source.map(({ text }) => ({ text })) })).toThrow(/only English/);
  });

  it('reads a two-column zh|en table as paired paragraphs', async () => {
    const doc = await readDocument(
      utf8(
        '<table><tr><th>English</th><th>中文</th></tr><tr><td>Hello.</td><td>你好。</td></tr><tr><td>2021</td><td>2021</td></tr></table>',
      ),
      'table.html',
    );
    expect(doc.paragraphs).toEqual([
      { text: '你好。', lang: 'zh', source: { block: 1, table: 1, row: 2, column: 2 } },
      { text: 'Hello.', lang: 'en', source: { block: 2, table: 1, row: 2, column: 1 } },
      { text: '2021', lang: 'zh', source: { block: 3, table: 1, row: 3, column: 2 } },
      { text: '2021', lang: 'en', source: { block: 4, table: 1, row: 3, column: 1 } },
    ]);
    expect(toSourceParagraphs(doc.paragraphs)[0]).toEqual({
      text: '你好。',
      lang: 'zh',
      line: undefined,
      source: doc.paragraphs[0]!.source,
    });
  });

  it('decodes by byte-order mark, then <meta charset>, then detection', async () => {
    const body = '<p>關於我們</p><p>About us</p>';
    const big5 = encodeLegacy(`<html><head><meta charset="big5"></head><body>${body}</body></html>`, 'big5');
    expect((await paragraphs(big5)).map((p) => p.text)).toEqual(['關於我們', 'About us']);
    const gbk = encodeLegacy(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>关于我们</p></body></html>',
      'gb18030',
    );
    expect((await paragraphs(gbk)).map((p) => p.text)).toEqual(['关于我们']);
    const latin = new Uint8Array([
      ...utf8('<meta charset="windows-1252"><p>caf'),
      0xe9,
      ...utf8(' au lait</p>'),
    ]);
    expect((await paragraphs(latin)).map((p) => p.text)).toEqual(['café au lait']);
    const detected = encodeLegacy(`<html><body>${body}</body></html>`, 'big5');
    expect((await paragraphs(detected)).map((p) => p.text)).toEqual(['關於我們', 'About us']);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`<meta charset="big5">${body}`)]);
    expect((await paragraphs(bom)).map((p) => p.text)).toEqual(['關於我們', 'About us']);
  });

  it('decodes a windows-1252 page as the standard does at 0x80–0x9F: smart quotes, €, dashes', async () => {
    // Node 20's TextDecoder reads windows-1252 (and its label iso-8859-1) as Latin-1 there: C1 controls.
    for (const charset of ['windows-1252', 'ISO-8859-1']) {
      const page = new Uint8Array([
        ...utf8(`<html><head><meta charset="${charset}"></head><body><p>`),
        0x93,
        ...utf8('Price'),
        0x94,
        ...utf8(': 5 '),
        0x80,
        ...utf8(' '),
        0x97,
        ...utf8(' it'),
        0x92,
        ...utf8('s final'),
        0x85,
        ...utf8('</p></body></html>'),
      ]);
      expect((await paragraphs(page)).map((p) => p.text)).toEqual([
        '\u201cPrice\u201d: 5 \u20ac \u2014 it\u2019s final\u2026',
      ]);
    }
  });

  it('refuses bytes its <meta charset> cannot decode, naming the file', async () => {
    const wrong = encodeLegacy('<meta charset="utf-8"><p>關於我們</p>', 'big5');
    const error = await refusal(wrong, 'wrong.html');
    expect(error.code).toBe('DECODE_ERROR');
    expect(error.describe()).toMatch(/^wrong\.html: not valid utf-8 as its <meta charset="utf-8"> says/);
  });

  it('refuses a page with only scripts, styles and navigation', async () => {
    const error = await refusal(
      utf8(
        '<html><head><style>p{}</style></head><body><nav>Home</nav><script>x()</script><footer>©</footer></body></html>',
      ),
      'blank.html',
    );
    expect(error.code).toBe('NO_TEXT');
  });

  it('reads each table once, however deep layout tables nest it (twice per level made 2^depth)', () => {
    const depth = 12;
    const nest = (level: number): string =>
      level === 0
        ? '<p>會議在重慶舉行。</p><p>The meeting was held in Chongqing.</p>'
        : `<table><tr><td>目錄 ${level}</td><td>${nest(level - 1)}</td></tr></table>`;
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${nest(depth)}</body></html>`);
    // Reading a table as zh|en rows starts by finding its rows: count that per table.
    const reads = new Map<DomElement, number>();
    for (const table of Array.from(document.querySelectorAll('table')) as DomElement[]) {
      const rows = table.querySelectorAll.bind(table);
      table.querySelectorAll = (selector) => {
        reads.set(table, (reads.get(table) ?? 0) + 1);
        return rows(selector);
      };
    }
    const texts = htmlBlocks(document.body as DomElement, { skipFurniture: true }).map((p) => p.text);
    expect(texts).toEqual([
      ...Array.from({ length: depth }, (_, i) => `目錄 ${depth - i}`),
      '會議在重慶舉行。',
      'The meeting was held in Chongqing.',
    ]);
    expect([...reads.values()]).toEqual(Array(depth).fill(1));
  });

  it('leaves out hidden elements', async () => {
    expect(
      await paragraphs(
        '<p>可見。</p><p hidden>隱藏</p><p style="display: none">隱藏</p><div aria-hidden="true">隱藏</div>',
      ),
    ).toEqual(undeclared('可見。'));
  });
});

describe('Word files', () => {
  it('reads paragraphs and tables in order, a table that is not zh|en cell by cell', async () => {
    const docx = await buildDocx([
      { paragraph: '前言。' },
      {
        table: [
          ['甲', 'A'],
          ['乙', '丙'],
        ],
      },
      { table: [['1', '2', '3']] },
      { paragraph: 'End.' },
    ]);
    expect(await paragraphs(docx, 'mixed.docx')).toEqual(
      undeclared('前言。', '甲', 'A', '乙', '丙', '1', '2', '3', 'End.'),
    );
  });

  it('leaves out footnotes and the markers that point to them', async () => {
    const docx = await buildDocx([
      { paragraph: '會議在重慶舉行。', footnote: '註：據市政府外辦。' },
      { paragraph: 'The meeting was held in Chongqing.', footnote: 'Note: per the FAO.' },
    ]);
    expect(await paragraphs(docx, 'notes.docx')).toEqual(
      undeclared('會議在重慶舉行。', 'The meeting was held in Chongqing.'),
    );
  });

  it('refuses a Word file with no text', async () => {
    const error = await refusal(await buildDocx([{ paragraph: '' }]), 'blank.docx');
    expect(error.describe()).toBe('blank.docx: a Word document with no text');
  });
});
