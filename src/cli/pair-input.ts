import { extname, resolve } from 'node:path';
import { alignDocument } from '../core/document.js';
import { BitextError } from '../core/errors.js';
import type { QaPair } from '../core/qa/index.js';
import type { TermEntry } from '../core/terms/index.js';
import { parseTbx } from '../formats/tbx-read.js';
import { parseTermsTable } from '../formats/terms-csv.js';
import { readTextFile } from '../io/read-text.js';
import { openSqliteTermbase } from '../store/sqlite/termbase-store.js';
import type { CliIo } from './io.js';

// Inputs shared by `bitext qa` and `bitext terms`: aligned pairs and termbases in their file forms.

/**
 * The aligned pairs of an input: `.tsv` is zh<TAB>en per line (either column order, found from the
 * text), `.jsonl` one {"zh","en"} object per line, anything else a bilingual document to align.
 */
export async function readPairs(
  file: string,
  io: CliIo,
  options: { keepUnpaired: boolean },
): Promise<QaPair[]> {
  const { text } = await readTextFile(file, { readStdin: io.readStdin, cwd: io.cwd });
  const extension = extname(file).toLowerCase();
  if (extension === '.tsv') return parseTsvPairs(text, file);
  if (extension === '.jsonl') return parseJsonlPairs(text, file);
  const document = alignDocument(
    { combined: text },
    { keepUnpaired: options.keepUnpaired, sourceNames: { combined: file } },
  );
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

/** Reads a termbase file by its extension: .tbx, .csv/.tsv/.txt, or a bitext database. */
export async function readTermbase(file: string, io: CliIo): Promise<TermEntry[]> {
  const extension = extname(file).toLowerCase();
  if (extension === '.db' || extension === '.sqlite' || extension === '.sqlite3') {
    return readStoredTermbase(resolve(io.cwd, file));
  }
  const { text } = await readTextFile(file, { readStdin: io.readStdin, cwd: io.cwd });
  if (extension === '.tbx' || extension === '.xml' || /^\s*(?:<\?xml|<tbx|<martif)/.test(text))
    return parseTbx(text, file);
  return parseTermsTable(text, file);
}

export async function readStoredTermbase(path: string): Promise<TermEntry[]> {
  const store = openSqliteTermbase(path);
  try {
    return await store.list();
  } finally {
    await store.close();
  }
}
