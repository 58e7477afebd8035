export { type ExtractTermsOptions, extractTerms, type TermPairInput } from './extract-terms.js';
export { transliterationSimilarity } from './transliteration.js';
export type { TermKind, TermPair } from './types.js';
