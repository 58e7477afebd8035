import type { DocumentOptions } from '../core/document.js';
import { BitextError } from '../core/errors.js';
import type { EncodingName } from '../io/decode.js';
import { documentHash } from '../store/document-identity.js';
import { type ExportFormat, type ExportUnitFilter, exportUnits } from '../store/export.js';
import { type ImportFormat, importFile } from '../store/import-file.js';
import type { TmAddResult, TmDocument, TmStore } from '../store/tm-store.js';
import { alignDocumentInput } from './document-input.js';
import type { DocumentInput, UseCaseOptions } from './use-case.js';

export interface AddDocumentsOptions extends UseCaseOptions {
  encoding?: EncodingName;
  /** A changed document replaces the stored versions of the same name (TmAddOptions.replace). */
  replace?: boolean;
  alignment?: DocumentOptions;
}

export interface AddedDocument extends TmAddResult {
  name: string;
  /** Stored documents of the same name with other content, kept because `replace` was not asked. */
  otherVersions: TmDocument[];
}

/** Aligns bilingual documents and stores their pairs: `tm add`, and the server's align-and-store. */
export async function addDocumentsToTm(
  tm: TmStore,
  documents: readonly DocumentInput[],
  options: AddDocumentsOptions = {},
): Promise<AddedDocument[]> {
  const results: AddedDocument[] = [];
  for (const [index, input] of documents.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.({
      phase: 'align',
      item: input.name,
      done: index,
      total: documents.length,
      unit: 'documents',
    });
    const aligned = await alignDocumentInput(input, {
      ...options.alignment,
      encoding: options.encoding,
      onProgress: (done, total) =>
        options.onProgress?.({ phase: 'align', item: input.name, done, total, unit: 'steps' }),
    });
    const units = aligned.pairs.map((pair, position) => ({
      zh: pair.zh,
      en: pair.en,
      position,
      confidence: Math.round(pair.confidence * 1000) / 1000,
    }));
    const contentHash = documentHash(input.bytes);
    const result = await tm.addDocument({ name: input.name, contentHash, kind: 'aligned' }, units, {
      replace: options.replace,
      signal: options.signal,
    });
    const otherVersions = options.replace
      ? []
      : (await tm.findDocuments(input.name)).filter(
          (d) => d.name === input.name && d.contentHash !== null && d.contentHash !== contentHash,
        );
    results.push({ name: input.name, ...result, otherVersions });
  }
  options.onProgress?.({
    phase: 'align',
    done: documents.length,
    total: documents.length,
    unit: 'documents',
  });
  return results;
}

export interface ImportTmOptions extends UseCaseOptions {
  format?: ImportFormat;
  encoding?: EncodingName;
  /** What messages and the TM call the file (default: the path). */
  displayName?: string;
  replace?: boolean;
  /** The language tags to read as the Chinese and the English side (default: any zh-* and en-*). */
  zhLang?: string;
  enLang?: string;
}

/** Imports a TMX, TSV or XLIFF file, streamed, all or nothing: `tm import`. */
export async function importTmFile(tm: TmStore, path: string, options: ImportTmOptions = {}) {
  const name = options.displayName ?? path;
  return importFile(tm, path, {
    format: options.format,
    displayName: name,
    replace: options.replace,
    signal: options.signal,
    encoding: options.encoding,
    zhLang: options.zhLang,
    enLang: options.enLang,
    onProgress: (read) => options.onProgress?.({ phase: 'import', item: name, done: read, unit: 'units' }),
  });
}

/**
 * The one document a user's reference names (`--document`, `tm delete`): refused when it names none
 * or, by its last path segment, several.
 */
export async function resolveDocument(tm: TmStore, ref: string): Promise<TmDocument> {
  const found = await tm.findDocuments(ref);
  if (found.length === 0) {
    throw new BitextError(
      'DOCUMENT_NOT_FOUND',
      `no document "${ref}" in the TM (see \`bitext tm documents\`)`,
    );
  }
  if (found.length > 1) {
    const which = found.map((d) => `${d.id} ${d.name}`).join(', ');
    throw new BitextError(
      'DOCUMENT_AMBIGUOUS',
      `"${ref}" names ${found.length} documents (${which}); give the id`,
    );
  }
  return found[0]!;
}

export interface ExportFilter extends Omit<ExportUnitFilter, 'document'> {
  /** A document reference (id, name as stored, or its last path segment when unambiguous). */
  document?: string;
}

/** The TM (or a filtered part) as chunks in one format (text; bytes for XLSX): `tm export`. */
export async function exportTm(
  tm: TmStore,
  format: ExportFormat,
  filter: ExportFilter = {},
  options: UseCaseOptions = {},
): Promise<AsyncIterable<string | Uint8Array>> {
  const document =
    filter.document === undefined ? undefined : String((await resolveDocument(tm, filter.document)).id);
  const chunks = exportUnits(tm, format, { ...filter, document });
  return (async function* () {
    for await (const chunk of chunks) {
      options.signal?.throwIfAborted();
      yield chunk;
    }
  })();
}

/** Deletes the document a reference names, with its units: `tm delete`. */
export async function deleteTmDocument(tm: TmStore, ref: string): Promise<TmDocument> {
  const document = await resolveDocument(tm, ref);
  await tm.deleteDocument(document.id);
  return document;
}
