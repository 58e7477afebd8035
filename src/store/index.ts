// bitext/store: the translation memory and termbase, on SQLite (a file) or PostgreSQL (a URL).
export { documentHash, hashFile } from './document-identity.js';
export { EXPORT_FORMATS, type ExportFormat, exportUnits } from './export.js';
export {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportOptions,
  importFile,
  importFormatOf,
} from './import-file.js';
export {
  type OpenStoreOptions,
  openStore,
  parseStoreLocation,
  type Store,
  type StoreLocation,
} from './open-store.js';
export {
  isStoreError,
  redactLocation,
  STORE_ERROR_CODES,
  StoreError,
  type StoreErrorCode,
  storeErrorStatus,
} from './store-error.js';
export type { StoredTerm, TermbaseAddResult, TermbaseFilter, TermbaseStore } from './termbase.js';
export type * from './tm-store.js';
