import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../test/legacy-encoding.js';
import { BitextError } from '../core/errors.js';
import { toSimplified } from '../core/lexicon/script.js';
import { decodeBytes, type EncodingName } from './decode.js';
import { firstBadByte } from './decode-offset.js';

const sample = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../examples/press-release.txt'),
  'utf8',
);
/** The sample without its leaked glosses: Big5 has no tone-marked Latin letters to carry them. */
const sampleWithoutGlosses = sample.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, encoding: 'utf-16le' | 'utf-16be') => {
  const bytes = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') bytes.swap16();
  return new Uint8Array(bytes);
};
function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function refusal(bytes: Uint8Array, options?: { encoding?: EncodingName }): BitextError {
  try {
    decodeBytes(bytes, { file: 'in.txt', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(BitextError);
    return error as BitextError;
  }
  throw new Error('expected decodeBytes to refuse the input');
}

describe('decodeBytes: detection', () => {
  it('reads UTF-8 without and with a byte-order mark', () => {
    expect(decodeBytes(utf8(sample))).toEqual({ text: sample, encoding: 'utf-8', hadBom: false });
    expect(decodeBytes(concat([0xef, 0xbb, 0xbf], utf8(sample)))).toEqual({
      text: sample,
      encoding: 'utf-8',
      hadBom: true,
    });
  });

  it.each(['utf-16le', 'utf-16be'] as const)('reads %s with a byte-order mark', (encoding) => {
    expect(decodeBytes(utf16(`\ufeff${sample}`, encoding))).toEqual({ text: sample, encoding, hadBom: true });
  });

  it('reads the founding sample (Traditional, with pinyin) encoded as GB18030', () => {
    expect(decodeBytes(encodeLegacy(sample, 'gb18030'))).toEqual({
      text: sample,
      encoding: 'gb18030',
      hadBom: false,
    });
  });

  it('reads the founding sample encoded as Big5 (which cannot carry the tone-marked glosses)', () => {
    expect(() => encodeLegacy(sample, 'big5')).toThrow(/cannot encode "é"/);
    expect(decodeBytes(encodeLegacy(sampleWithoutGlosses, 'big5'))).toEqual({
      text: sampleWithoutGlosses,
      encoding: 'big5',
      hadBom: false,
    });
  });

  it('tells GBK-range Simplified text from Big5 Traditional text, also in one short line', () => {
    const simplified = toSimplified(sampleWithoutGlosses);
    expect(decodeBytes(encodeLegacy(simplified, 'gb18030')).encoding).toBe('gb18030');
    const firstLine = (text: string) => text.split('\n')[0]!.slice(0, 40);
    expect(decodeBytes(encodeLegacy(firstLine(simplified), 'gb18030')).encoding).toBe('gb18030');
    expect(decodeBytes(encodeLegacy(firstLine(sampleWithoutGlosses), 'big5')).encoding).toBe('big5');
    expect(decodeBytes(encodeLegacy('關於我們', 'big5'))).toMatchObject({
      text: '關於我們',
      encoding: 'big5',
    });
    expect(decodeBytes(encodeLegacy('关于我们', 'gb18030'))).toMatchObject({
      text: '关于我们',
      encoding: 'gb18030',
    });
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads the founding sample encoded as %s without a byte-order mark',
    (encoding) => {
      expect(decodeBytes(utf16(sample, encoding))).toEqual({ text: sample, encoding, hadBom: false });
      expect(decodeBytes(utf16(sampleWithoutGlosses, encoding)).encoding).toBe(encoding);
    },
  );

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads %s without a mark in mostly-ASCII text, and in Chinese with no ASCII (no NUL bytes)',
    (encoding) => {
      expect(decodeBytes(utf16('Hello, world.\n', encoding))).toMatchObject({
        text: 'Hello, world.\n',
        encoding,
      });
      expect(decodeBytes(utf16('中文 text', encoding))).toMatchObject({ text: '中文 text', encoding });
      // The second paragraph without its ASCII and glosses, and without the characters that have a
      // zero byte (U+4E00 一 is 00 4E): no NUL byte at all.
      const chinese = [...sampleWithoutGlosses.split('\n')[1]!]
        .filter((ch) => ch.charCodeAt(0) > 0xff && (ch.charCodeAt(0) & 0xff) !== 0)
        .join('');
      const bytes = utf16(chinese, encoding);
      expect(bytes.includes(0)).toBe(false);
      expect(decodeBytes(bytes)).toEqual({ text: chinese, encoding, hadBom: false });
    },
  );

  it('takes a forced encoding over detection, and keeps a matching byte-order mark out of the text', () => {
    const bytes = encodeLegacy('中文', 'gb18030');
    expect(decodeBytes(bytes, { encoding: 'big5' })).toMatchObject({ encoding: 'big5', hadBom: false });
    expect(decodeBytes(bytes, { encoding: 'big5' }).text).not.toBe('中文');
    expect(decodeBytes(concat([0xef, 0xbb, 0xbf], utf8('abc')), { encoding: 'utf-8' })).toEqual({
      text: 'abc',
      encoding: 'utf-8',
      hadBom: true,
    });
    expect(decodeBytes(utf16('\ufeffabc', 'utf-16be'), { encoding: 'utf-16be' }).text).toBe('abc');
  });

  it('reads blank text as text (the caller reports that it has no content)', () => {
    expect(decodeBytes(utf8('\n  \n')).text).toBe('\n  \n');
  });
});

describe('decodeBytes: refusals', () => {
  it('refuses an empty file', () => {
    const error = refusal(new Uint8Array());
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.location).toEqual({ file: 'in.txt', offset: 0 });
    expect(error.describe()).toBe('in.txt (byte 0): the file is empty');
  });

  it('refuses a file with NUL bytes, naming the first, and hints at UTF-16 without a mark', () => {
    const error = refusal(concat(utf8('abc'), [0, 1, 2]));
    expect(error.code).toBe('BINARY_INPUT');
    expect(error.location.offset).toBe(3);
    expect(error.message).toMatch(/binary.*NUL byte at byte 3.*--encoding utf-16le/);
  });

  it('keeps refusing binary files with NUL bytes, whichever byte order they are read in', () => {
    // Deterministic noise (a linear congruential generator), as in a compressed or image file.
    let seed = 42;
    const noise = (n: number) =>
      Uint8Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return seed >>> 24;
      });
    const png = concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], noise(4000));
    const zip = concat(utf8('PK'), [3, 4, 20, 0, 0, 0, 8, 0], utf8('word/document.xml'), noise(4000));
    const int32s = new Uint8Array(Uint32Array.from({ length: 1000 }, (_, i) => i * 7).buffer);
    for (const bytes of [png, zip, int32s, concat(utf8('abc'), [0, 1, 2])]) {
      const error = refusal(bytes);
      expect(error.code).toBe('BINARY_INPUT');
      expect(error.message).toMatch(/^a binary file \(NUL byte at byte \d+\), not text; if it is UTF-16/);
    }
  });

  it('names the byte offset of a cut-off UTF-16 file without a mark', () => {
    const error = refusal(concat(utf16('中文 text\n', 'utf-16le'), [0x41]));
    expect(error.code).toBe('DECODE_ERROR');
    expect(error.message).toBe(
      'invalid UTF-16LE at byte 16 (decoding as UTF-16LE without a byte-order mark, which its first bytes read as)',
    );
  });

  it('refuses a file of control bytes without NULs', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41));
    const error = refusal(bytes);
    expect(error.code).toBe('BINARY_INPUT');
    expect(error.location.offset).toBe(0);
    // a few escape and form-feed bytes in real text are fine
    expect(decodeBytes(utf8('page one\fpage two \x1b[1mbold\x1b[0m\n')).encoding).toBe('utf-8');
  });

  it('refuses text that decodes to mostly private-use or unassigned code points', () => {
    const privateUse = Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0xe000 + i)).join('');
    const error = refusal(utf8(`${privateUse} ok`));
    expect(error.code).toBe('BINARY_INPUT');
    expect(error.message).toMatch(/not text: decoded as UTF-8/);
  });

  it('names the byte offset and the forced encoding of an undecodable byte', () => {
    const good = utf8('中文。\nEnglish.\n');
    const error = refusal(concat(good, [0xff, 0xfe, 0x41]), { encoding: 'utf-8' });
    expect(error.code).toBe('DECODE_ERROR');
    expect(error.message).toBe(`invalid UTF-8 at byte ${good.length} (decoding as forced with --encoding)`);
    expect(error.location).toEqual({ file: 'in.txt', offset: good.length });
  });

  it('names the forced legacy encoding', () => {
    const good = encodeLegacy('中文', 'big5');
    const error = refusal(concat(good, [0xa1, 0x30, 0x41]), { encoding: 'big5' });
    expect(error.message).toBe(`invalid Big5 at byte ${good.length} (decoding as forced with --encoding)`);
    const gb = refusal(concat(utf8('ab'), [0x81, 0x20]), { encoding: 'gb18030' });
    expect(gb.message).toMatch(/^invalid GB18030 at byte 2 /);
  });

  it('refuses a cut-off UTF-16 file and a lone surrogate, with offsets', () => {
    const odd = concat(utf16('\ufeffab', 'utf-16le'), [0x41]);
    expect(refusal(odd).location.offset).toBe(6);
    expect(refusal(odd).message).toMatch(
      /invalid UTF-16LE at byte 6 \(decoding as its byte-order mark says\)/,
    );
    const lone = concat([0xfe, 0xff], [0x00, 0x41, 0xd8, 0x00, 0x00, 0x41]);
    expect(refusal(lone).location.offset).toBe(4);
  });

  it('refuses bytes that are none of UTF-8, GB18030 and Big5, naming the one that read furthest', () => {
    const good = encodeLegacy('中文內容很長的一段話', 'big5');
    const error = refusal(concat(good, [0xa1, 0x30, 0x30, 0x41]));
    expect(error.code).toBe('DECODE_ERROR');
    expect(error.location.offset).toBe(good.length);
    expect(error.message).toMatch(
      new RegExp(`^invalid (GB18030|Big5) at byte ${good.length}: .*UTF-8 at byte 0`),
    );
  });
});

describe('firstBadByte', () => {
  // Long inputs cross the 64 KiB chunks; with and without line feeds (the restart points).
  const lines = '中文和English混在一起了。\n'.repeat(5000);
  const oneLine = lines.replace(/\n/g, ' ');
  const cases: Array<[string, EncodingName, (t: string) => Uint8Array, number[]]> = [
    ['utf-8', 'utf-8', utf8, [0xff]],
    ['utf-8, a cut sequence', 'utf-8', utf8, [0xe4, 0x41]],
    ['gb18030', 'gb18030', (t) => encodeLegacy(t, 'gb18030'), [0xff]],
    ['gb18030, a cut sequence', 'gb18030', (t) => encodeLegacy(t, 'gb18030'), [0x81, 0x0a]],
    ['big5, a bad trail byte', 'big5', (t) => encodeLegacy(t, 'big5'), [0xa1, 0x30]],
    ['utf-16le, a lone surrogate', 'utf-16le', (t) => utf16(t, 'utf-16le'), [0x00, 0xdc]],
  ];
  for (const [name, encoding, encode, bad] of cases) {
    it(`finds the first bad byte in ${name}, anywhere in a long input`, () => {
      // shifted by 0–2 bytes, so the restart points land inside characters as well as between them
      for (const text of [lines, oneLine].flatMap((t) => [t, `x${t}`, `xy${t}`])) {
        const body = encode(text);
        // insert at character boundaries: the start, in the first and in the second 64 KiB chunk, the end
        for (const chars of [
          0,
          3,
          Math.floor(text.length * 0.3),
          Math.floor(text.length * 0.6),
          text.length - 1,
        ]) {
          const at = encode(text.slice(0, chars)).length;
          const bytes = concat(body.subarray(0, at), bad, body.subarray(at));
          expect(firstBadByte(bytes, encoding)).toBe(at);
        }
        expect(firstBadByte(body, encoding)).toBeUndefined();
      }
    });
  }

  it('points at the start of a sequence cut off by the end of the input', () => {
    expect(firstBadByte(concat(utf8('abc'), [0xe4, 0xb8]), 'utf-8')).toBe(3);
    expect(firstBadByte(concat(encodeLegacy('中', 'gb18030'), [0x81, 0x30]), 'gb18030')).toBe(2);
  });
});
