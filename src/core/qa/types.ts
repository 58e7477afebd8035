/** The checks `runQa` knows, by the name findings carry. */
export const QA_CHECKS = [
  'number',
  'date',
  'name',
  'term',
  'omission',
  'untranslated',
  'inconsistency',
  'repeated-word',
  'brackets',
] as const;
export type QaCheck = (typeof QA_CHECKS)[number];

export type Severity = 'error' | 'warning' | 'info';

/** A span of a pair's text, UTF-16 offsets as in String.prototype.slice. */
export interface Span {
  start: number;
  end: number;
}

/** One side of a pair as a finding shows it: the text and what in it is at fault. */
export interface FindingSide {
  text: string;
  spans: Span[];
}

/** A problem found in the user's translation: data, never an exception (textlint's habit). */
export interface Finding {
  check: QaCheck;
  severity: Severity;
  message: string;
  /** 0-based index of the pair in the input. */
  pair: number;
  zh: FindingSide;
  en: FindingSide;
  /** What to do about it. */
  hint: string;
}

/** What QA reads: an aligned pair (SentencePair fits); either side may be empty (1-0, 0-1 beads). */
export interface QaPair {
  zh: string;
  en: string;
}

export type TermStatus = 'preferred' | 'admitted' | 'forbidden';

/** A termbase entry as QA uses it. */
export interface QaTerm {
  zh: string;
  en: string;
  status: TermStatus;
}

export interface QaOptions {
  /** Terms whose translations are required (preferred/admitted) or forbidden. */
  termbase?: readonly QaTerm[];
  /** Run only these checks (default: all). */
  checks?: readonly QaCheck[];
}

/** What every check gets: all pairs (some checks look across the document) and the options. */
export type QaCheckFunction = (pairs: readonly QaPair[], options: QaOptions) => Finding[];

export function finding(
  check: QaCheck,
  severity: Severity,
  pairIndex: number,
  pair: QaPair,
  message: string,
  hint: string,
  spans: { zh?: Span[]; en?: Span[] } = {},
): Finding {
  return {
    check,
    severity,
    message,
    pair: pairIndex,
    zh: { text: pair.zh, spans: spans.zh ?? [] },
    en: { text: pair.en, spans: spans.en ?? [] },
    hint,
  };
}
