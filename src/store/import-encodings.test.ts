import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../test/legacy-encoding.js';
import { importFile } from './import-file.js';
import { openSqliteTmStore, type SqliteTmStore } from './sqlite/sqlite-tm-store.js';

let dir: string;
let store: SqliteTmStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-import-enc-'));
  store = openSqliteTmStore(join(dir, 'tm.db'));
});
afterEach(async () => {
  await store.close();
});

async function stored(): Promise<string[][]> {
  const out: string[][] = [];
  for await (const u of store.units()) out.push([u.zh, u.en, u.zhLang, u.enLang]);
  return out;
}

/** UTF-16 bytes of `text` with a byte-order mark (what Excel's "Unicode Text" writes, LE). */
function utf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

const TRADITIONAL_TSV =
  'zh-TW\ten-US\r\n重慶市外事工作\tForeign affairs of Chongqing\r\n對外友協\tFriendship association\r\n';
const TRADITIONAL_UNITS = [
  ['重慶市外事工作', 'Foreign affairs of Chongqing', 'zh-TW', 'en-US'],
  ['對外友協', 'Friendship association', 'zh-TW', 'en-US'],
];
const SIMPLIFIED_TSV = '重庆市外事工作\tForeign affairs of Chongqing\n对外友协\tFriendship association\n';
const SIMPLIFIED_UNITS = [
  ['重庆市外事工作', 'Foreign affairs of Chongqing', 'zh-CN', 'en-US'],
  ['对外友协', 'Friendship association', 'zh-CN', 'en-US'],
];

describe('importFile in the encodings files come in', () => {
  it.each(['le', 'be'] as const)('imports a UTF-16%s TSV with a byte-order mark', async (order) => {
    const path = join(dir, `excel-${order}.txt`);
    writeFileSync(path, utf16(TRADITIONAL_TSV, order));
    expect(await importFile(store, path)).toMatchObject({ format: 'tsv', read: 2, added: 2 });
    expect(await stored()).toEqual(TRADITIONAL_UNITS);
  });

  it.each([false, true])('imports a GB18030 (GBK) TSV, detected (worker: %s)', async (worker) => {
    const path = join(dir, 'gbk.tsv');
    writeFileSync(path, encodeLegacy(SIMPLIFIED_TSV, 'gb18030'));
    expect(await importFile(store, path, { worker })).toMatchObject({ read: 2, added: 2 });
    expect(await stored()).toEqual(SIMPLIFIED_UNITS);
  });

  it('imports in the encoding it is given, and names file and byte of an undecodable byte', async () => {
    const big5 = join(dir, 'big5.tsv');
    writeFileSync(big5, encodeLegacy('臺北市外事工作\tForeign affairs of Taipei\n', 'big5'));
    expect(await importFile(store, big5, { encoding: 'big5' })).toMatchObject({ added: 1 });
    const noBom = join(dir, 'no-bom.tsv');
    writeFileSync(noBom, utf16(SIMPLIFIED_TSV, 'le', false));
    expect(await importFile(store, noBom, { encoding: 'utf-16le' })).toMatchObject({ added: 2 });
    expect(await stored()).toEqual([
      ['臺北市外事工作', 'Foreign affairs of Taipei', 'zh-TW', 'en-US'],
      ...SIMPLIFIED_UNITS,
    ]);

    const broken = join(dir, 'broken.tsv');
    const good = encodeLegacy(SIMPLIFIED_TSV, 'gb18030');
    writeFileSync(broken, Buffer.concat([good, Buffer.from([0x81, 0x0a])]));
    await expect(importFile(store, broken, { displayName: 'broken.tsv' })).rejects.toMatchObject({
      code: 'DECODE_ERROR',
      location: { file: 'broken.tsv', offset: good.length },
      message: expect.stringContaining(`invalid GB18030 at byte ${good.length}`),
    });
    expect((await store.stats()).units).toBe(3);
  });

  it('honours the XML encoding: UTF-16 with or without a byte-order mark, GB18030 and Big5 declared', async () => {
    const tmx = (encoding: string, zh: string, en: string) =>
      `<?xml version="1.0" encoding="${encoding}"?>\n<tmx version="1.4"><header srclang="*all*"/><body>` +
      `<tu><tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv><tuv xml:lang="en-US"><seg>${en}</seg></tuv></tu></body></tmx>\n`;
    const xliff = (encoding: string, zh: string, en: string) =>
      `<?xml version="1.0" encoding="${encoding}"?>\n<xliff version="1.2"><file original="a" source-language="zh-TW" ` +
      `target-language="en-GB"><body><trans-unit id="1"><source>${zh}</source><target>${en}</target></trans-unit></body></file></xliff>\n`;
    const files: Array<[string, Uint8Array]> = [
      ['bom16.tmx', utf16(tmx('UTF-16', '外事一', 'One'), 'le')],
      ['nobom16.tmx', utf16(tmx('UTF-16', '外事二', 'Two'), 'be', false)],
      ['gbk.tmx', encodeLegacy(tmx('GBK', '对外友协', 'Three'), 'gb18030')],
      ['big5.xlf', encodeLegacy(xliff('Big5', '對外友協', 'Four'), 'big5')],
      ['gb18030.xlf', encodeLegacy(xliff('GB18030', '重慶', 'Five'), 'gb18030')],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, name), bytes);
      expect(await importFile(store, join(dir, name))).toMatchObject({ added: 1 });
    }
    expect(await stored()).toEqual([
      ['外事一', 'One', 'zh-CN', 'en-US'],
      ['外事二', 'Two', 'zh-CN', 'en-US'],
      ['对外友协', 'Three', 'zh-CN', 'en-US'],
      ['對外友協', 'Four', 'zh-TW', 'en-GB'],
      ['重慶', 'Five', 'zh-TW', 'en-GB'],
    ]);
    // A byte that is not UTF-8 in a TMX declaring nothing: named by file and offset.
    const bad = Buffer.from(tmx('UTF-8', '外事六', 'Six'));
    const at = bad.indexOf('六');
    bad[at] = 0xff;
    writeFileSync(join(dir, 'bad.tmx'), bad);
    await expect(importFile(store, join(dir, 'bad.tmx'), { displayName: 'bad.tmx' })).rejects.toMatchObject({
      code: 'DECODE_ERROR',
      location: { file: 'bad.tmx', offset: at },
    });
  });

  it('honours single-byte declarations (windows-1252), and names the file of a byte that does not decode', async () => {
    const tmx = (encoding: string, en: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `<?xml version="1.0" encoding="${encoding}"?>\n<tmx version="1.4"><header srclang="en-US"/><body><tu><tuv xml:lang="en-US"><seg>`,
        ),
        en,
        Buffer.from(
          '</seg></tuv><tuv xml:lang="zh-CN"><seg>&#21654;&#21857;</seg></tuv></tu></body></tmx>\n',
        ),
      ]);
    // “Café” in windows-1252: curly quotes at 0x93/0x94, é at 0xE9.
    writeFileSync(
      join(dir, 'cp1252.tmx'),
      tmx('windows-1252', Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94])),
    );
    expect(await importFile(store, join(dir, 'cp1252.tmx'))).toMatchObject({ added: 1 });
    expect(await stored()).toEqual([['咖啡', '“Café”', 'zh-CN', 'en-US']]);
    const bad = tmx('ISO-8859-8', Buffer.from([0x41, 0xa1]));
    writeFileSync(join(dir, 'hebrew.tmx'), bad);
    await expect(
      importFile(store, join(dir, 'hebrew.tmx'), { displayName: 'hebrew.tmx' }),
    ).rejects.toMatchObject({
      code: 'DECODE_ERROR',
      location: { file: 'hebrew.tmx', offset: bad.indexOf(0xa1) },
    });
  });

  it.each([false, true])(
    'refuses a TMX of other languages, storing nothing, and imports it with the tags named (worker: %s)',
    async (worker) => {
      const path = join(dir, 'yue.tmx');
      writeFileSync(
        path,
        '<tmx version="1.4"><header srclang="en-GB"/><body><tu><tuv xml:lang="en-GB"><seg>Thanks</seg></tuv>' +
          '<tuv xml:lang="yue-HK"><seg>多謝</seg></tuv></tu></body></tmx>',
      );
      await expect(importFile(store, path, { worker, displayName: 'yue.tmx' })).rejects.toMatchObject({
        code: 'TMX_LANGUAGES',
        location: { file: 'yue.tmx' },
      });
      expect((await store.stats()).units).toBe(0);
      expect(await importFile(store, path, { worker, zhLang: 'yue' })).toMatchObject({ added: 1 });
      expect(await stored()).toEqual([['多謝', 'Thanks', 'zh-HK', 'en-GB']]);
    },
  );
});
