import { countAgreementCost } from './count-agreement.js';
import type { RangeBead, RangeCost } from './search.js';

/** Question marks (a run such as ？？ or ?! counts once) of either script. */
export const QUESTION_MARKS = /[?？]+/gu;

/** Occurrences of `marks` (a global pattern) in each sentence. */
export function markCounts(sentences: readonly string[], marks: RegExp): Uint8Array {
  return Uint8Array.from(sentences, (s) => Math.min(255, s.match(marks)?.length ?? 0));
}

/**
 * Punctuation evidence: a translation usually keeps a question a question (and an exclamation an
 * exclamation), so a bead whose sides ask different numbers of questions is less likely, by how
 * much the document's first alignment says (countAgreementCost). A translator who turns questions
 * into statements gives first-pass agreement near chance, hence no evidence. It decides between
 * beads lexical and length evidence rate alike (after 他问：“行吗？ the English 'Will it work?'
 * alone, not 'Will it work? ‖ Of course it will.'). Only question marks: exclamation marks (the same cost, weights 1 and 2) changed
 * nothing on either dev set — translators add and drop them freely.
 */
export function punctuationCost(
  zh: readonly string[],
  en: readonly string[],
  marks: RegExp,
  firstPass: readonly RangeBead[],
  weight: number,
): RangeCost {
  return countAgreementCost(markCounts(zh, marks), markCounts(en, marks), firstPass, weight);
}
