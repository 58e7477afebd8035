import { type Finding, finding, type QaCheckFunction, type QaPair } from './types.js';

/**
 * How far a pair's English/Chinese length ratio may stray from the document's median ratio before it
 * is reported. Gale & Church (1993) model the length of a translation as normal around c·l; with
 * Chinese characters against English characters the spread is wide (one Chinese character runs from
 * one to eight English letters), so a factor of two either way — set by hand on the founding sample
 * and the mag dev set, where clean pairs stay inside it — keeps false alarms rare.
 */
const RATIO_FACTOR = 2;
/** Below this many Chinese characters ratios are too noisy to judge (titles, "谢谢。"). */
const MIN_ZH_CHARS = 12;

/** A side with no counterpart (1-0, 0-1 bead), or a length ratio far outside the document's own. */
export const checkOmissions: QaCheckFunction = (pairs) => {
  const findings: Finding[] = [];
  const median = medianRatio(pairs);
  pairs.forEach((pair, index) => {
    const zh = pair.zh.trim();
    const en = pair.en.trim();
    if (!zh && !en) return;
    if (!en || !zh) {
      const missing = en ? 'Chinese' : 'English';
      findings.push(
        finding(
          'omission',
          'error',
          index,
          pair,
          `this ${en ? 'English' : 'Chinese'} sentence has no ${missing} counterpart`,
          en ? 'check for text added in translation' : 'translate the sentence or check the alignment',
          en ? { en: [{ start: 0, end: pair.en.length }] } : { zh: [{ start: 0, end: pair.zh.length }] },
        ),
      );
      return;
    }
    if (median === undefined || zhLength(zh) < MIN_ZH_CHARS) return;
    const ratio = en.length / zhLength(zh);
    const tooShort = ratio * RATIO_FACTOR < median;
    if (tooShort || ratio > median * RATIO_FACTOR) {
      findings.push(
        finding(
          'omission',
          'warning',
          index,
          pair,
          `the English is ${percentOf(ratio, median)} of the length this document's translations usually have`,
          tooShort
            ? 'check for a dropped clause or sentence'
            : 'check for a Chinese clause missing from the source side, or text added in translation',
          tooShort
            ? { en: [{ start: 0, end: pair.en.length }] }
            : { zh: [{ start: 0, end: pair.zh.length }] },
        ),
      );
    }
  });
  return findings;
};

/** Median English characters per Chinese character over the document's complete pairs. */
export function medianRatio(pairs: readonly QaPair[]): number | undefined {
  const ratios = pairs
    .filter((p) => p.en.trim() && zhLength(p.zh) >= MIN_ZH_CHARS)
    .map((p) => p.en.trim().length / zhLength(p.zh))
    .sort((a, b) => a - b);
  if (ratios.length === 0) return undefined;
  const middle = Math.floor(ratios.length / 2);
  return ratios.length % 2 ? ratios[middle]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
}

/** Non-space characters: what a Chinese sentence's length means. */
function zhLength(text: string): number {
  return text.replace(/\s/g, '').length;
}

function percentOf(ratio: number, median: number): string {
  return `${Math.round((100 * ratio) / median)}%`;
}
