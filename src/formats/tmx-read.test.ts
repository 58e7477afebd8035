import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import { type ImportedUnit, readTmx } from './tmx-read.js';

async function read(xml: string | Uint8Array, chunkSize = 7): Promise<ImportedUnit[]> {
  // Small chunks: elements, entities and multi-byte characters get split across writes.
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const units: ImportedUnit[] = [];
  for await (const unit of readTmx(chunks(), 'test.tmx')) units.push(unit);
  return units;
}

async function failure(xml: string) {
  try {
    await read(xml);
  } catch (error) {
    if (isBitextError(error)) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

const HEADER =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>';

describe('readTmx', () => {
  it('reads TMX 1.4 units with dates, bitext props and inline codes left out', async () => {
    const units = await read(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">${HEADER}<body>
  <tu creationdate="20240102T030405Z" changedate="20250102T030405Z">
    <prop type="x-document">press.txt</prop><prop type="x-position">3</prop><prop type="x-confidence">0.875</prop>
    <tuv xml:lang="zh-CN"><seg>重庆<ph>&lt;br/&gt;</ph>外事 &amp; 交流</seg></tuv>
    <tuv xml:lang="en-GB"><seg>Chongqing <hi>foreign</hi> affairs &amp; exchanges</seg></tuv>
  </tu>
</body></tmx>`);
    expect(units).toEqual([
      {
        zh: '重庆外事 & 交流',
        en: 'Chongqing foreign affairs & exchanges',
        zhLang: 'zh-CN',
        enLang: 'en-GB',
        document: 'press.txt',
        position: 3,
        confidence: 0.875,
        createdAt: new Date('2024-01-02T03:04:05Z'),
        changedAt: new Date('2025-01-02T03:04:05Z'),
      },
    ]);
  });

  it('reads TMX 1.1 `lang` attributes and every spelling of the Chinese tags, English first or not', async () => {
    const units = await read(`<tmx version="1.1">${HEADER}<body>
<tu><tuv lang="EN-US"><seg>One</seg></tuv><tuv lang="ZH_CN"><seg>一</seg></tuv></tu>
<tu><tuv lang="zh-Hant"><seg>貳</seg></tuv><tuv lang="en"><seg>Two</seg></tuv></tu>
<tu><tuv lang="fr"><seg>Trois</seg></tuv><tuv lang="zh-TW"><seg>參</seg></tuv></tu>
</body></tmx>`);
    expect(units.map((u) => [u.zh, u.zhLang, u.en, u.enLang])).toEqual([
      ['一', 'ZH_CN', 'One', 'EN-US'],
      ['貳', 'zh-Hant', 'Two', 'en'],
      ['參', 'zh-TW', '', undefined],
    ]);
  });

  it('decodes UTF-16 files by their byte-order mark', async () => {
    const xml = `<tmx version="1.4">${HEADER}<body><tu><tuv xml:lang="zh"><seg>你好</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body></tmx>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    expect((await read(utf16)).map((u) => u.zh)).toEqual(['你好']);
  });

  it('refuses a billion-laughs file at its DOCTYPE, before any expansion', async () => {
    const laughs = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const error = await failure(
      `<?xml version="1.0"?>\n<!DOCTYPE tmx [\n${laughs.join('\n')}\n]>\n<tmx version="1.4">${HEADER}<body><tu><tuv xml:lang="zh"><seg>&lol9;</seg></tuv></tu></body></tmx>`,
    );
    expect(error.code).toBe('XML_DTD_REFUSED');
    expect(error.location.file).toBe('test.tmx');
    expect(error.location.line).toBeGreaterThanOrEqual(2);
  });

  it('reads an OmegaT TMX, whose DOCTYPE names tmx14.dtd (never read)', async () => {
    const units = await read(
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">${HEADER}<body><tu><tuv lang="ZH-CN"><seg>外事</seg></tuv><tuv lang="EN-US"><seg>Foreign affairs</seg></tuv></tu></body></tmx>`,
    );
    expect(units.map((u) => [u.zh, u.en])).toEqual([['外事', 'Foreign affairs']]);
  });

  it('refuses an external entity', async () => {
    const error = await failure(
      `<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "file:///etc/passwd"><tmx version="1.4">${HEADER}<body/></tmx>`,
    );
    expect(error.code).toBe('XML_DTD_REFUSED');
  });

  it('names line and column of malformed XML', async () => {
    const error = await failure(
      `<tmx version="1.4">\n${HEADER}\n<body>\n  <tu><tuv xml:lang="zh"><seg>未闭合</tuv></tu>\n</body></tmx>`,
    );
    expect(error.code).toBe('XML_MALFORMED');
    expect(error.location).toMatchObject({ file: 'test.tmx', line: 4 });
    expect(error.location.column).toBeGreaterThan(20);
    expect(error.describe()).toMatch(/^test\.tmx:4:\d+: malformed XML/);
  });

  it('refuses a file that is not TMX', async () => {
    expect((await failure('<html><body/></html>')).code).toBe('TMX_NOT_TMX');
  });
});
