import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import { type ImportedUnit, type ReadOptions, readTmx } from './tmx-read.js';

async function read(
  xml: string | Uint8Array,
  chunkSize = 7,
  options: ReadOptions = {},
): Promise<ImportedUnit[]> {
  // Small chunks: elements, entities and multi-byte characters get split across writes.
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const units: ImportedUnit[] = [];
  for await (const unit of readTmx(chunks(), 'test.tmx', options)) units.push(unit);
  return units;
}

async function failure(xml: string, options: ReadOptions = {}) {
  try {
    await read(xml, 7, options);
  } catch (error) {
    if (isBitextError(error)) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

const HEADER =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>';

describe('readTmx', () => {
  it('reads TMX 1.4 units with dates, bitext props, and inline codes out of the text, kept beside it', async () => {
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
        zhCodes: [{ tag: 'ph', at: 2, content: '&lt;br/&gt;' }],
        enCodes: [
          { tag: 'hi', at: 10 },
          { tag: '/hi', at: 17 },
        ],
        meta: { creationDate: '20240102T030405Z', changeDate: '20250102T030405Z' },
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

  it('flattens inline codes without gluing words or leaving double spaces; <sub> text is not the segment', async () => {
    const units = await read(`<tmx version="1.4">${HEADER}<body><tu>
<tuv xml:lang="en"><seg>Check the variable <ph x="1">{0}</ph>. Press<ph>	</ph>Enter, then<ph type="lb"/>go <bpt i="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept> <ph>&lt;img alt="<sub>A logo</sub>"/&gt;</ph> here<it pos="end">&lt;/i&gt;</it></seg></tuv>
<tuv xml:lang="zh"><seg>检查变量<ph>{0}</ph>。按<ph>	</ph>回车<hi type="b">键</hi></seg></tuv></tu></body></tmx>`);
    expect(units.map((u) => [u.en, u.zh])).toEqual([
      ['Check the variable. Press Enter, then go now here', '检查变量。按回车键'],
    ]);
  });

  it('refuses a file with no zh or no en variant, naming the languages it has', async () => {
    const tu = (a: string, b: string) =>
      `<tu><tuv xml:lang="${a}"><seg>x</seg></tuv><tuv xml:lang="${b}"><seg>y</seg></tuv></tu>`;
    const file = (...tus: string[]) => `<tmx version="1.4">${HEADER}<body>${tus.join('')}</body></tmx>`;
    const german = await failure(file(tu('de-DE', 'fr-FR'), tu('de-DE', 'it-IT')));
    expect(german).toMatchObject({ code: 'TMX_LANGUAGES', location: { file: 'test.tmx' } });
    expect(german.message).toBe(
      'expected a Chinese (zh) and an English (en) language, found de-DE, fr-FR, it-IT',
    );
    expect((await failure(file(tu('en-US', 'ja-JP')))).message).toMatch(/found en-US, ja-JP$/);
    // An empty body is no language error: nothing to import.
    expect(await read(file())).toEqual([]);
  });

  it('takes the tags it is told are the Chinese and the English side', async () => {
    const xml = `<tmx version="1.4">${HEADER}<body><tu>
<tuv xml:lang="zh-CN"><seg>外事</seg></tuv><tuv xml:lang="zh-Hant-HK"><seg>外事務</seg></tuv>
<tuv xml:lang="en-US"><seg>Foreign affairs</seg></tuv><tuv xml:lang="en-GB"><seg>Foreign affairs (UK)</seg></tuv></tu>
<tu><tuv xml:lang="cmn-Hant-TW"><seg>臺北</seg></tuv><tuv xml:lang="eng"><seg>Taipei</seg></tuv></tu></body></tmx>`;
    expect((await read(xml)).map((u) => [u.zh, u.zhLang, u.en, u.enLang])).toEqual([
      ['外事', 'zh-CN', 'Foreign affairs', 'en-US'],
      ['', undefined, '', undefined],
    ]);
    const chosen = await read(xml, 7, { zhLang: 'zh-Hant', enLang: 'en-GB' });
    expect(chosen.map((u) => [u.zh, u.zhLang, u.en, u.enLang])).toEqual([
      ['外事務', 'zh-Hant-HK', 'Foreign affairs (UK)', 'en-GB'],
      ['', undefined, '', undefined],
    ]);
    // Tags of other languages, said to be Chinese and English, are stored as zh and en tags.
    const other = await read(xml, 7, { zhLang: 'cmn', enLang: 'ENG' });
    expect(other.map((u) => [u.zh, u.zhLang, u.en, u.enLang])).toEqual([
      ['', undefined, '', undefined],
      ['臺北', 'zh-Hant-TW', 'Taipei', 'en'],
    ]);
  });

  it('refuses a file that is not TMX', async () => {
    expect((await failure('<html><body/></html>')).code).toBe('TMX_NOT_TMX');
  });
});
