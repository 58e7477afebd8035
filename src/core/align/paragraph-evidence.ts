import type { RangeCost } from './search.js';

/**
 * Cost of a bead that joins sentences of different paragraphs on either side. Translators rarely
 * move a sentence across a paragraph break, so such a bead is unlikely but not impossible (a
 * paragraph split or merged in translation). Tuned on: not yet measured (the dev sets are presplit).
 */
const CROSSING_COST = 6;

export function paragraphCost(zhParagraphs: readonly number[], enParagraphs: readonly number[]): RangeCost {
  return (zhStart, zhEnd, enStart, enEnd) => {
    let crossings = 0;
    if (zhEnd - zhStart > 1 && zhParagraphs[zhStart] !== zhParagraphs[zhEnd - 1]) crossings++;
    if (enEnd - enStart > 1 && enParagraphs[enStart] !== enParagraphs[enEnd - 1]) crossings++;
    return crossings * CROSSING_COST;
  };
}
