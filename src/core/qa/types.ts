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
  /** What a project file names to stop seeing it (number-added, name-missing …; QA_RULES). */
  rule?: string;
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

/**
 * Rule IDs, one per kind of finding: a project's suppression file (.bitext-qa-ignore) names them, or a
 * check's name for all its rules.
 */
export const QA_RULES = [
  'number-missing',
  'number-mismatch',
  'number-added',
  'date-missing',
  'date-mismatch',
  'date-added',
  'name-pinyin',
  'name-title',
  'name-missing',
  'name-spelling',
  'term-forbidden',
  'term-missing',
  'omission-unpaired',
  'omission-dropped',
  'omission-added',
  'untranslated',
  'inconsistency',
  'repeated-word',
  'brackets',
] as const;

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
  rule: string = check,
): Finding {
  return {
    check,
    rule,
    severity,
    message,
    pair: pairIndex,
    zh: { text: pair.zh, spans: spans.zh ?? [] },
    en: { text: pair.en, spans: spans.en ?? [] },
    hint,
  };
}
