export { detectLang } from './detect-lang.js';
export { indexTerms, words } from './grams.js';
export { normalizeSegment, unitKey } from './normalize.js';
export { type MaskedText, maskNumbers, NUMBER_MASK, type NumberDifference } from './numbers.js';
export { type MatchScore, scoreMatch } from './score.js';
