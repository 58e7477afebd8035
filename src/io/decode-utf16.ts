import { plausibleShare } from './decode-plausibility.js';

/**
 * Bytes looked at: 32K characters are plenty to tell the byte order, and a large file costs nothing
 * extra.
 */
const SAMPLE_BYTES = 1 << 16;

/**
 * Share of plausible characters (plausibleShare) the better reading needs. The right reading of a
 * bilingual document scores near 1 (the founding sample: 1.0; rare Han characters cost a little);
 * the wrong one scores about 0.1–0.3, binary files lower still.
 */
const MIN_PLAUSIBLE = 0.8;

/**
 * The byte order of UTF-16 text without a byte-order mark, or undefined when neither reading is
 * plausible text. It works from the zero-byte pattern: ASCII and Latin code units have a zero high
 * byte, so read in the right order they are letters, digits, spaces and line breaks, and read in the
 * wrong order they become U+xx00 characters (`a` 61 00 → U+6100 愀), rare Han, Gurmukhi and
 * unassigned code points. Chinese code units (U+4E00–U+9FFF, CJK punctuation U+3000–U+303F, full-width
 * forms U+FF00–U+FFEF) read in the right order are common Han and punctuation; swapped, they scatter
 * over Hangul, Yi, surrogates and private use. So each order is scored by the share of its characters
 * that bilingual text is made of, and the better one is taken when it reads as text. This tells
 * mostly-ASCII text (zeros on one side) and all-Chinese text (no zeros at all) alike; binary data,
 * whose zeros follow no such pattern, reads as controls and unassigned code points either way.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1);
  if (sample.length < 2) return undefined;
  const le = plausibleShare(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(sample));
  const be = plausibleShare(new TextDecoder('utf-16be', { ignoreBOM: true }).decode(sample));
  const [encoding, share] = le >= be ? (['utf-16le', le] as const) : (['utf-16be', be] as const);
  return share >= MIN_PLAUSIBLE ? encoding : undefined;
}
