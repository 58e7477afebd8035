import { isStoredTermbase, pairsOf, termbaseOf } from '../app/pair-input.js';
import { listTermEntries } from '../app/terms.js';
import type { QaPair } from '../core/qa/index.js';
import type { TermEntry } from '../core/terms/index.js';
import type { LanguageChoice } from '../formats/lang-choice.js';
import type { EncodingName } from '../io/decode.js';
import type { CliIo } from './io.js';
import { readInput, withStore } from './store-option.js';

/** The aligned pairs of an input file (see pairsOf): `.tsv`, `.jsonl`, TMX/XLIFF units, or a document to align. */
export async function readPairs(
  io: CliIo,
  file: string,
  options: { keepUnpaired: boolean; encoding?: EncodingName; languages?: LanguageChoice },
): Promise<QaPair[]> {
  return pairsOf(await readInput(io, file), options);
}

/** A termbase from a file (.tbx, .csv, .tsv) or from a bitext database, read-only. */
export async function readTermbase(
  io: CliIo,
  file: string,
  encoding?: EncodingName,
  languages?: LanguageChoice,
): Promise<TermEntry[]> {
  if (isStoredTermbase(file)) return withStore(io, file, 'read', (store) => listTermEntries(store.termbase));
  return termbaseOf(await readInput(io, file), encoding, languages);
}
