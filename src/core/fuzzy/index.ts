export { detectLang } from './detect-lang.js';
export { indexTerms, words } from './grams.js';
export { foldHan, normalizeSegment, unitKey, unitKeyOf } from './normalize.js';
export { type MaskedText, maskNumbers, NUMBER_MASK, type NumberDifference } from './numbers.js';
export { type MatchScore, scoreMatch } from './score.js';
