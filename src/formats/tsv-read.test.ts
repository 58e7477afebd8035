import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../test/legacy-encoding.js';
import { isBitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import type { ImportedUnit } from './tmx-read.js';
import { readTsv } from './tsv-read.js';

async function readBytes(bytes: Uint8Array, chunk: number, encoding?: EncodingName): Promise<ImportedUnit[]> {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunk) chunks.push(bytes.subarray(at, at + chunk));
  const units: ImportedUnit[] = [];
  for await (const unit of readTsv(chunks, 'pairs.tsv', { encoding })) units.push(unit);
  return units;
}

async function read(text: string): Promise<ImportedUnit[]> {
  // Split inside a multi-byte character and inside a line.
  return readBytes(new TextEncoder().encode(text), 5);
}

async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; offset?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isBitextError(error))
      return { code: error.code, offset: error.location.offset, message: error.message };
    throw error;
  }
  throw new Error('expected a BitextError');
}

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\ufeff' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = unit & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = unit >> 8;
  }
  return out;
}

// An astral character (𠮷, a surrogate pair in UTF-16, four bytes in UTF-8) and a header row.
const TEXT = 'zh-TW\ten-GB\r\n重慶市外事工作\tForeign affairs of Chongqing\r\n𠮷野家\tYoshinoya\t0.5\r\n';
const UNITS: ImportedUnit[] = [
  { zh: '重慶市外事工作', en: 'Foreign affairs of Chongqing', zhLang: 'zh-TW', enLang: 'en-GB', position: 0 },
  { zh: '𠮷野家', en: 'Yoshinoya', zhLang: 'zh-TW', enLang: 'en-GB', position: 1, confidence: 0.5 },
];

describe('readTsv', () => {
  it('reads zh<TAB>en lines with an optional confidence, skipping blank lines', async () => {
    expect(await read('你好\tHello\r\n\n世界\tWorld\t0.5\n')).toEqual([
      { zh: '你好', en: 'Hello', position: 0 },
      { zh: '世界', en: 'World', position: 1, confidence: 0.5 },
    ]);
  });

  it('takes column languages from a header row, or from the text', async () => {
    const headed = await read('en-GB\tzh-TW\nHello\t你好\n');
    expect(headed).toEqual([{ zh: '你好', en: 'Hello', zhLang: 'zh-TW', enLang: 'en-GB', position: 0 }]);
    expect((await read('Hello\t你好\nWorld\t世界')).map((u) => u.zh)).toEqual(['你好', '世界']);
  });

  it('recognises a zh/en, source/target or Chinese/English header and does not store it', async () => {
    for (const header of ['zh\ten', 'source\ttarget', 'Chinese\tEnglish\tconfidence', '中文\t英文']) {
      const units = await read(`${header}\n你好\tHello\n`);
      expect(units.map(({ zh, en, position }) => ({ zh, en, position }))).toEqual([
        { zh: '你好', en: 'Hello', position: 0 },
      ]);
    }
    // source/target name no language: the text does, as without a header.
    expect(await read('source\ttarget\nHello\t你好\n')).toEqual([{ zh: '你好', en: 'Hello', position: 0 }]);
    expect((await read('en\tzh\nHello\t你好\n')).map((u) => [u.zh, u.en])).toEqual([['你好', 'Hello']]);
  });

  it('refuses a third column that is not a confidence, and a fourth, naming line and column', async () => {
    const describe = async (text: string) => {
      try {
        await read(text);
      } catch (error) {
        if (isBitextError(error)) return error.describe();
      }
      return 'no error';
    };
    expect(await describe('你好\tHello\t0.9\n世界\tWorld\tgreeting\n')).toBe(
      'pairs.tsv:2:10: a third column "greeting" that is not a confidence (a number from 0 to 1); tm import reads zh<TAB>en[<TAB>confidence]: remove it (cut -f1,2)',
    );
    expect(await describe('你好\tHello\t5\n')).toMatch(
      /^pairs\.tsv:1:10: a third column "5" that is not a confidence/,
    );
    expect(await describe('你好\tHello\t0.9\tnote\n')).toBe(
      'pairs.tsv:1:14: 4 tab-separated columns; tm import reads zh<TAB>en and an optional confidence (0–1): remove the others (cut -f1-3)',
    );
    expect(await describe('zh\ten\tnote\n你好\tHello\n')).toMatch(
      /^pairs\.tsv:1:7: a header with columns "zh", "en", "note"/,
    );
  });

  it('refuses NUL and ESC in the text as align does, naming line and column', async () => {
    const message = async (text: string) => (await failure(read(text))).message;
    expect(await message('你好\tHello\n世\u001b界\tWorld\n')).toBe(
      'control character U+001B (ESC) in the text; remove it (bitext align cleans control characters away)',
    );
    expect(await message('你好\tHel\u0000lo\n'.repeat(1))).toMatch(/U\+0000 \(NUL\)|binary/);
  });

  it('names the line that has no tab', async () => {
    try {
      await read('你好\tHello\n只有一列\n');
      expect.unreachable();
    } catch (error) {
      expect(isBitextError(error) && error.describe()).toBe(
        'pairs.tsv:2: expected two tab-separated columns (zh<TAB>en), found one',
      );
    }
  });

  // Chunks of 1, 3 and 7 bytes cut the byte-order mark, code units and surrogate pairs.
  it.each([1, 3, 7])(
    'reads UTF-16LE and UTF-16BE with a byte-order mark (chunks of %i bytes)',
    async (chunk) => {
      expect(await readBytes(utf16(TEXT, 'le'), chunk)).toEqual(UNITS);
      expect(await readBytes(utf16(TEXT, 'be'), chunk)).toEqual(UNITS);
    },
  );

  it('reads a UTF-8 file with a byte-order mark without the mark in its first cell', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('你好\tHello\n')]);
    expect(await readBytes(bytes, 2)).toEqual([{ zh: '你好', en: 'Hello', position: 0 }]);
  });

  it('detects GB18030 and Big5 as align does, and takes an encoding it is given', async () => {
    const simplified = '重庆市外事工作\tForeign affairs of Chongqing\n对外友协\tFriendship association\n';
    const expected = [
      { zh: '重庆市外事工作', en: 'Foreign affairs of Chongqing', position: 0 },
      { zh: '对外友协', en: 'Friendship association', position: 1 },
    ];
    expect(await readBytes(encodeLegacy(simplified, 'gb18030'), 3)).toEqual(expected);
    const traditional = '重慶市外事工作\tForeign affairs of Chongqing\n對外友協\tFriendship association\n';
    expect((await readBytes(encodeLegacy(traditional, 'big5'), 3)).map((u) => u.zh)).toEqual([
      '重慶市外事工作',
      '對外友協',
    ]);
    expect(await readBytes(utf16(TEXT, 'le', false), 4, 'utf-16le')).toEqual(UNITS);
  });

  // Chunks of 3 and 7 bytes put the end of the first chunk inside a code unit.
  it.each([3, 7, 1 << 20])(
    'detects UTF-16LE and BE without a byte-order mark (chunks of %i bytes)',
    async (chunk) => {
      expect(await readBytes(utf16(TEXT, 'le', false), chunk)).toEqual(UNITS);
      expect(await readBytes(utf16(TEXT, 'be', false), chunk)).toEqual(UNITS);
      // Past the 64 KiB the encoding is chosen from, so the head is cut inside the file.
      const long = TEXT + '重慶\tChongqing\n'.repeat(8000);
      const units = await readBytes(utf16(long, 'be', false), chunk);
      expect(units).toHaveLength(8002);
      expect(units[8001]).toMatchObject({ zh: '重慶', en: 'Chongqing' });
    },
  );

  it('refuses binary bytes with NULs as binary', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i % 5 === 0 ? 0 : (i * 7919) % 256));
    expect((await failure(readBytes(bytes, 4096))).code).toBe('BINARY_INPUT');
  });

  it('names the byte offset of an undecodable byte far beyond the first chunk', async () => {
    const line = new TextEncoder().encode('重庆市外事工作\tForeign affairs\n');
    const lines = 4000; // 148 KB: past the bytes the encoding is chosen from
    const bytes = new Uint8Array(line.length * lines + 8);
    for (let i = 0; i < lines; i++) bytes.set(line, i * line.length);
    const bad = line.length * lines + 3;
    bytes.set([0x61, 0x62, 0x63, 0xff, 0x09, 0x41, 0x0a, 0x0a], bad - 3);
    const utf8 = await failure(readBytes(bytes, 1000));
    expect(utf8).toMatchObject({ code: 'DECODE_ERROR', offset: bad });
    expect(utf8.message).toContain(`invalid UTF-8 at byte ${bad}`);

    const gbLine = encodeLegacy('重庆市外事工作\tForeign affairs\n', 'gb18030');
    const gb = new Uint8Array(gbLine.length * lines + 4);
    for (let i = 0; i < lines; i++) gb.set(gbLine, i * gbLine.length);
    // 0x81 0x20: a lead byte whose trail is a space, which GB18030 has no character for.
    gb.set([0x41, 0x81, 0x20, 0x0a], gbLine.length * lines);
    expect(await failure(readBytes(gb, 999))).toMatchObject({
      code: 'DECODE_ERROR',
      offset: gbLine.length * lines + 1,
    });
  });
});
