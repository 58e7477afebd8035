import { extname } from 'node:path';
import { BitextError } from '../core/errors.js';
import type { QaPair } from '../core/qa/index.js';
import type { TermEntry } from '../core/terms/index.js';
import { detectDocumentFormat } from '../formats/documents/index.js';
import { readInterchangeUnits } from '../formats/documents/interchange.js';
import type { LanguageChoice } from '../formats/lang-choice.js';
import { parseTbx } from '../formats/tbx-read.js';
import { parseTermsTable } from '../formats/terms-csv.js';
import { xmlHead, xmlRootName } from '../formats/xml-safety.js';
import { decodeBytes, type EncodingName } from '../io/decode.js';
import { alignDocumentInput } from './document-input.js';
import type { DocumentInput } from './use-case.js';

// Inputs shared by `bitext qa` and `bitext terms` (and the server): aligned pairs and termbases in
// their file forms, as bytes with a name.

/**
 * The aligned pairs of an input: `.tsv` is zh<TAB>en per line (either column order, found from the
 * text), `.jsonl` one {"zh","en"} object per line, a TMX or XLIFF file its units as they are (a TM
 * is checked as stored, not re-aligned), anything else a bilingual document to align (plain text, a
 * web page, a .docx, an .xlsx or CSV of zh|en rows; see alignDocumentInput).
 */
export async function pairsOf(
  input: DocumentInput,
  options: { keepUnpaired: boolean; encoding?: EncodingName; languages?: LanguageChoice },
): Promise<QaPair[]> {
  const file = input.name;
  const extension = extname(file).toLowerCase();
  if (extension === '.tsv' || extension === '.jsonl') {
    const { text } = decodeBytes(input.bytes, { file, encoding: options.encoding });
    return extension === '.tsv' ? parseTsvPairs(text, file) : parseJsonlPairs(text, file);
  }
  const format = detectDocumentFormat(input.bytes, file);
  if (format === 'tmx' || format === 'xliff') {
    const units = await readInterchangeUnits(input.bytes, file, format, options.encoding, options.languages);
    return units.map((u) => ({ zh: u.zh, en: u.en }));
  }
  const document = await alignDocumentInput(input, options);
  return document.pairs.map((p) => ({ zh: p.zh, en: p.en }));
}

function parseTsvPairs(text: string, file: string): QaPair[] {
  const pairs: QaPair[] = [];
  const lines = text.split(/\r?\n/);
  let zhFirst: boolean | undefined;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const cells = line.split('\t');
    if (cells.length < 2) {
      throw new BitextError('TSV_MALFORMED', 'expected two tab-separated columns (zh<TAB>en), found one', {
        file,
        line: index + 1,
      });
    }
    const [a = '', b = ''] = cells;
    zhFirst ??= hanShare(a) >= hanShare(b);
    pairs.push(zhFirst ? { zh: a, en: b } : { zh: b, en: a });
  });
  return pairs;
}

function parseJsonlPairs(text: string, file: string): QaPair[] {
  const pairs: QaPair[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new BitextError('JSONL_MALFORMED', `not JSON: ${(error as Error).message}`, {
        file,
        line: index + 1,
      });
    }
    const record = value as { zh?: unknown; en?: unknown };
    if (typeof record?.zh !== 'string' || typeof record?.en !== 'string') {
      throw new BitextError('JSONL_MALFORMED', 'each line needs string fields "zh" and "en"', {
        file,
        line: index + 1,
      });
    }
    pairs.push({ zh: record.zh, en: record.en });
  });
  return pairs;
}

function hanShare(text: string): number {
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) / Math.max(1, text.length);
}

/** True when a termbase file name is a bitext database rather than a file to parse. */
export function isStoredTermbase(file: string): boolean {
  return ['.db', '.sqlite', '.sqlite3'].includes(extname(file).toLowerCase());
}

/** Root elements of TBX v3 and v2 (`martif`). */
const TBX_ROOTS = new Set(['tbx', 'martif']);

/**
 * Parses a termbase file by its extension or content: TBX (v2 or v3), else CSV/TSV. `languages`
 * says which TBX language sections are the Chinese and the English (default: any zh-*, en-*).
 */
export async function termbaseOf(
  input: DocumentInput,
  encoding?: EncodingName,
  languages: LanguageChoice = {},
): Promise<TermEntry[]> {
  const file = input.name;
  const extension = extname(file).toLowerCase();
  // TBX is decoded as XML (its declaration's encoding), never guessed as a table's is. The root is
  // found by the sniffer tm import and the document readers use, past a DOCTYPE or a comment.
  const isXml =
    extension === '.tbx' ||
    extension === '.xml' ||
    xmlHead(input.bytes).startsWith('<?xml') ||
    TBX_ROOTS.has(xmlRootName(input.bytes) ?? '');
  if (isXml) return parseTbx(input.bytes, file, { encoding, ...languages });
  const { text } = decodeBytes(input.bytes, { file, encoding });
  return parseTermsTable(text, file);
}
