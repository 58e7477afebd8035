// bitext library API. The CLI is built on exactly these functions.

// The application layer and the store are also at bitext/app and bitext/store; formats at bitext/formats.
export * from './app/index.js';
export {
  type AlignOptions,
  type AlignTuning,
  alignSentences,
  DEFAULT_EVIDENCE,
  type EvidenceInput,
  type EvidenceKind,
  type EvidenceSwitches,
  type EvidenceTerms,
  type FixedBead,
  type RangeBead,
  type RangeCost,
  scoreAlignment,
  TUNING,
} from './core/align/index.js';
export {
  type AlignedDocument,
  alignDocument,
  type BilingualSource,
  type DocumentOptions,
  detectLanguage,
  type Layout,
} from './core/document.js';
export * from './core/errors.js';
export { detectScript, toSimplified, toTraditional } from './core/lexicon/script.js';
export { type CleaningOptions, type CleaningReport, cleanText } from './core/normalize/index.js';
export { type Finding, QA_CHECKS, type QaCheck, type QaPair, type QaTerm, runQa } from './core/qa/index.js';
export { splitSentences } from './core/segment/index.js';
export {
  extractTerms,
  TERM_STATUSES,
  type TermEntry,
  type TermPair,
  type TermStatus,
} from './core/terms/index.js';
export * from './core/types.js';
export { type DecodedText, decodeBytes, type EncodingName } from './io/decode.js';
export { readTextFile } from './io/read-text.js';
export { openStore, type Store } from './store/open-store.js';
