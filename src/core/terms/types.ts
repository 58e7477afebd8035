/** What a term pair names. */
export type TermKind = 'person' | 'place' | 'organization' | 'title' | 'term';

/** A bilingual term pair found in aligned text, with the evidence for it. */
export interface TermPair {
  /** Chinese as first written in the input (Traditional stays Traditional). */
  zh: string;
  en: string;
  /** Ranking score in [0, 1]: lexical match of the two sides blended with co-occurrence (see extract-terms.ts). */
  score: number;
  kind: TermKind;
  /** Pairs in which both sides occur. */
  count: number;
  /** Pairs in which the Chinese occurs, and in which the English occurs. */
  zhCount: number;
  enCount: number;
  /** The full form this Chinese term abbreviates, when both occur (全国对外友协 → 中国人民对外友好协会). */
  abbreviationOf?: string;
}

/** A phrase of one side of a pair, with its span. */
export interface Phrase {
  text: string;
  start: number;
  end: number;
}

/** How a termbase rules on a translation: the one to use, another allowed, or one never to use. */
export type TermStatus = 'preferred' | 'admitted' | 'forbidden';
export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'forbidden'];

/** A termbase entry: what is imported, stored, exported and checked by QA. */
export interface TermEntry {
  zh: string;
  en: string;
  status: TermStatus;
  kind?: TermKind;
  score?: number;
  note?: string;
  /** Where the entry came from: a file name, or `extracted:<file>`. */
  source?: string;
}
