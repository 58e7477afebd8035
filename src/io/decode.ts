import { BitextError } from '../core/errors.js';
import { firstBadByte, tryDecode } from './decode-offset.js';
import { chineseScore, plausibleShare } from './decode-plausibility.js';
import { sniffUtf16 } from './decode-utf16.js';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  /** The text, without its byte-order mark. */
  text: string;
  encoding: EncodingName;
  hadBom: boolean;
}

const DISPLAY: Record<EncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  big5: 'Big5',
};

const BOMS: Array<[EncodingName, number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/**
 * Bytes → text. With `encoding` given, decodes strictly in it. Otherwise: a byte-order mark decides;
 * else UTF-16 without a mark when its bytes read as text in one byte order (sniffUtf16: NUL bytes
 * in text are nearly always that); else valid UTF-8 is UTF-8; else GB18030 or Big5, whichever decodes
 * (strictly) and reads more like Chinese when both do, or UTF-16 when all-Chinese text without a
 * mark (no NUL bytes) reads better so. Refuses empty input, binary input (NUL bytes that are not
 * UTF-16, mostly control bytes) and text that decodes to mostly non-characters; undecodable bytes
 * are named by their byte offset.
 */
export function decodeBytes(
  bytes: Uint8Array,
  options: { file?: string; encoding?: EncodingName } = {},
): DecodedText {
  const { file } = options;
  if (bytes.length === 0) throw new BitextError('EMPTY_INPUT', 'the file is empty', { file, offset: 0 });
  const bom = BOMS.find(([, mark]) => mark.every((b, i) => bytes[i] === b));

  let decoded: DecodedText;
  if (options.encoding) {
    const encoding = options.encoding;
    const hadBom = bom?.[0] === encoding;
    decoded = {
      text: strictDecode(bytes, encoding, hadBom, file, 'as forced with --encoding'),
      encoding,
      hadBom,
    };
  } else if (bom) {
    const [encoding] = bom;
    decoded = {
      text: strictDecode(bytes, encoding, true, file, 'as its byte-order mark says'),
      encoding,
      hadBom: true,
    };
  } else if (bytes.includes(0)) {
    // Text has no NUL characters, so NUL bytes mean UTF-16 (or UTF-32, which bitext does not read)
    // or binary data: read it as UTF-16 when one byte order gives text, else refuse it as binary.
    const encoding = sniffUtf16(bytes);
    if (encoding === undefined) throw nulRefusal(bytes, file);
    const why = `as ${DISPLAY[encoding]} without a byte-order mark, which its first bytes read as`;
    decoded = {
      text: strictDecode(bytes, encoding, false, file, why),
      encoding,
      hadBom: false,
    };
  } else {
    // Both checks below may need the UTF-16 reading (a strict decode of the whole input): made once.
    const utf16 = once(() => allChineseUtf16(bytes));
    refuseBinaryBytes(bytes, file, utf16);
    decoded = { ...detect(bytes, file, utf16), hadBom: false };
  }
  refuseNonText(decoded, file);
  return decoded;
}

function strictDecode(
  bytes: Uint8Array,
  encoding: EncodingName,
  skipBom: boolean,
  file: string | undefined,
  why: string,
): string {
  const start = skipBom ? BOMS.find(([name]) => name === encoding)![1].length : 0;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    const offset = start + (firstBadByte(bytes.subarray(start), encoding) ?? 0);
    throw new BitextError(
      'DECODE_ERROR',
      `invalid ${DISPLAY[encoding]} at byte ${offset} (decoding ${why})`,
      { file, offset },
    );
  }
}

/** No byte-order mark: UTF-8 when valid, else the legacy Chinese encoding that fits. */
function detect(
  bytes: Uint8Array,
  file: string | undefined,
  allChinese: () => Utf16Reading | undefined,
): { text: string; encoding: EncodingName } {
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const utf16 = allChinese();
  const candidates = (['gb18030', 'big5'] as const)
    .map((encoding) => ({ encoding, text: tryDecode(bytes, encoding) }))
    .filter((c): c is { encoding: 'gb18030' | 'big5'; text: string } => c.text !== undefined);
  if (utf16 && candidates.every((c) => plausibleShare(c.text) < utf16.share))
    return { text: utf16.text, encoding: utf16.encoding };
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 2) {
    // GB18030 decodes almost any byte string, so Big5 text nearly always decodes as both.
    const [gb, big5] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
    return chineseScore(big5.text) > chineseScore(gb.text) ? big5 : gb;
  }
  // Nothing fits: name the encoding that read furthest, where it stopped.
  const failures = (['utf-8', 'gb18030', 'big5'] as const).map((encoding) => ({
    encoding,
    offset: firstBadByte(bytes, encoding) ?? 0,
  }));
  const furthest = failures.reduce((a, b) => (b.offset > a.offset ? b : a));
  const detail = failures.map((f) => `${DISPLAY[f.encoding]} at byte ${f.offset}`).join(', ');
  throw new BitextError(
    'DECODE_ERROR',
    `invalid ${DISPLAY[furthest.encoding]} at byte ${furthest.offset}: the text is not UTF-8, GB18030 or Big5 (first bad byte: ${detail}); give --encoding if it is another`,
    { file, offset: furthest.offset },
  );
}

interface Utf16Reading {
  text: string;
  encoding: 'utf-16le' | 'utf-16be';
  /** plausibleShare of the text (of its first characters). */
  share: number;
}

/**
 * UTF-16 text without a mark and without NUL bytes: Chinese with no ASCII at all, not even a line
 * break. Taken only when it decodes strictly and reads as text (sniffUtf16), and then only over a
 * legacy reading that reads less like text: GB18030 and Big5 byte pairs read as UTF-16 land in
 * Hangul, Yi, surrogates and private use, so real legacy text never gets here.
 */
function allChineseUtf16(bytes: Uint8Array): Utf16Reading | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const encoding = sniffUtf16(bytes);
  if (encoding === undefined) return undefined;
  const text = tryDecode(bytes, encoding);
  return text === undefined ? undefined : { text, encoding, share: plausibleShare(text) };
}

/** `compute`, called on first use only, its result kept. */
function once<T>(compute: () => T): () => T {
  let result: { value: T } | undefined;
  return () => {
    result ??= { value: compute() };
    return result.value;
  };
}

/** Bytes looked at for the share of control bytes: a prefix is enough to tell a binary file. */
const BINARY_SAMPLE = 1 << 16;
/**
 * Share of control bytes above which input is binary. Text has tabs, line breaks, form feeds and
 * the odd escape; anything above a few percent is a format with binary fields.
 */
const MAX_CONTROL_SHARE = 0.05;

function nulRefusal(bytes: Uint8Array, file: string | undefined): BitextError {
  const nul = bytes.indexOf(0);
  return new BitextError(
    'BINARY_INPUT',
    `a binary file (NUL byte at byte ${nul}), not text; if it is UTF-16 without a byte-order mark, give --encoding utf-16le or utf-16be`,
    { file, offset: nul },
  );
}

/** Refuses bytes without NULs that are mostly control bytes. */
function refuseBinaryBytes(
  bytes: Uint8Array,
  file: string | undefined,
  allChinese: () => Utf16Reading | undefined,
): void {
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) {
      controls++;
      if (first < 0) first = i;
    }
  }
  // All-Chinese UTF-16 has control bytes too (U+4E0A 上 is 0A 4E): not binary when it reads as text.
  if (controls > sample.length * MAX_CONTROL_SHARE && !allChinese()) {
    throw new BitextError(
      'BINARY_INPUT',
      `a binary file (${controls} control bytes in its first ${sample.length}), not text`,
      { file, offset: first },
    );
  }
}

/** Characters looked at after decoding; as with the bytes, a prefix tells. */
const TEXT_SAMPLE = 1 << 20;
const NON_TEXT = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\p{Co}\p{Cn}\ufffd]/gu;
/** Share of non-characters (controls, private use, unassigned, U+FFFD) above which it is not text. */
const MAX_NON_TEXT_SHARE = 0.1;

function refuseNonText(decoded: DecodedText, file: string | undefined): void {
  const sample = decoded.text.slice(0, TEXT_SAMPLE);
  if (sample.trim() === '') return; // blank text is text; the caller says it has no content
  const bad = sample.match(NON_TEXT)?.length ?? 0;
  if (bad > sample.length * MAX_NON_TEXT_SHARE) {
    throw new BitextError(
      'BINARY_INPUT',
      `not text: decoded as ${DISPLAY[decoded.encoding]}, ${bad} of its first ${sample.length} characters are controls, private-use or unassigned code points`,
      { file },
    );
  }
}
