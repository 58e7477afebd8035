// bitext/app: the use cases the CLI, the server and the workers call.
export { type AlignInputOptions, alignDocumentInput } from './document-input.js';
export { isStoredTermbase, pairsOf, termbaseOf } from './pair-input.js';
export { checkTranslations, type FileFinding, type QaRun } from './qa.js';
export {
  type ExtractOptions,
  extractTermPairs,
  type ImportTermsOptions,
  importTermEntries,
  listTermEntries,
  saveTermPairs,
  tmPairs,
} from './terms.js';
export {
  type AddDocumentsOptions,
  type AddedDocument,
  addDocumentsToTm,
  deleteTmDocument,
  type ExportFilter,
  exportTm,
  type ImportTmOptions,
  importTmFile,
  resolveDocument,
} from './tm.js';
export type { DocumentInput, Progress, UseCaseOptions } from './use-case.js';
