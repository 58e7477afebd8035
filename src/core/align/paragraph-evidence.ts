import type { RangeCost } from './search.js';

/**
 * A side whose paragraphs hold fewer sentences than this on average is a sentence per line (a
 * subtitle file, a list, a presplit text): its line breaks are not paragraph breaks, and a 1-2 bead
 * crosses one as often as a translation splits a sentence. Measured with `npm run bench:unpaired`
 * on the dev sets laid out a sentence per line: crossings charged there cost strict pair F1.
 */
const MIN_SENTENCES_PER_PARAGRAPH = 1.5;

/**
 * Cost of a bead that joins sentences of different paragraphs on either side (`crossingCost` per
 * side). Translators rarely move a sentence across a paragraph break, so such a bead is unlikely but
 * not impossible (a paragraph split or merged in translation).
 */
export function paragraphCost(
  zhParagraphs: readonly number[],
  enParagraphs: readonly number[],
  crossingCost: number,
): RangeCost {
  const zhBreaks = !isSentencePerLine(zhParagraphs);
  const enBreaks = !isSentencePerLine(enParagraphs);
  return (zhStart, zhEnd, enStart, enEnd) => {
    let crossings = 0;
    if (zhBreaks && zhEnd - zhStart > 1 && zhParagraphs[zhStart] !== zhParagraphs[zhEnd - 1]) crossings++;
    if (enBreaks && enEnd - enStart > 1 && enParagraphs[enStart] !== enParagraphs[enEnd - 1]) crossings++;
    return crossings * crossingCost;
  };
}

/** A side whose paragraphs are (nearly all) single sentences: its line breaks are not paragraph breaks. */
export function isSentencePerLine(paragraphs: readonly number[]): boolean {
  let count = 0;
  for (let i = 0; i < paragraphs.length; i++) if (i === 0 || paragraphs[i] !== paragraphs[i - 1]) count++;
  return paragraphs.length < MIN_SENTENCES_PER_PARAGRAPH * count;
}
