export { type ExtractTermsOptions, extractTerms, type TermPairInput } from './extract-terms.js';
export { transliterationSimilarity } from './transliteration.js';
export { TERM_STATUSES, type TermEntry, type TermKind, type TermPair, type TermStatus } from './types.js';
