import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { BitextError } from '../core/errors.js';
import type { FilterPair } from '../core/filter/index.js';
import { decodeByteStream } from '../formats/decode-stream.js';
import { readTmx } from '../formats/tmx-read.js';
import { tsvEncoding } from '../formats/tsv-read.js';
import type { EncodingName } from '../io/decode.js';
import { REPORT_NAME } from './batch-report.js';

// What `bitext filter` reads, streamed a pair at a time: TSV (zh<TAB>en[<TAB>confidence]), JSONL
// ({"zh","en","confidence"?,"source"?} a line, as `align --format jsonl` writes), TMX, or a folder
// of those (a batch output folder; its batch-report.jsonl is not pairs).

export const PAIR_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.tsv', '.jsonl', '.tmx']);

/** The pair files an input names: the file itself, or a folder's pair files (recursively, in path order). */
export async function pairFilesOf(input: string, cwd: string): Promise<string[]> {
  const info = await stat(resolve(cwd, input)).catch(() => undefined);
  if (!info) throw new BitextError('USAGE', 'no such file or folder', { file: input });
  if (!info.isDirectory()) {
    if (!PAIR_FILE_EXTENSIONS.has(extname(input).toLowerCase())) {
      throw new BitextError('USAGE', 'expected pairs as .tsv, .jsonl or .tmx (or a folder of them)', {
        file: input,
      });
    }
    return [input];
  }
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(resolve(cwd, dir), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name !== REPORT_NAME && PAIR_FILE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        files.push(path);
    }
  };
  await walk(input);
  if (files.length === 0)
    throw new BitextError('USAGE', 'no .tsv, .jsonl or .tmx pair files in this folder', { file: input });
  return files;
}

/**
 * The pairs of one file, streamed. TSV and JSONL in any encoding the other commands read (detected,
 * or `encoding`); TMX by its own rule (byte-order mark, XML declaration), or `encoding`.
 */
export function readPairFile(file: string, cwd: string, encoding?: EncodingName): AsyncGenerator<FilterPair> {
  const extension = extname(file).toLowerCase();
  if (extension === '.tmx') return readTmxPairs(file, cwd, encoding);
  return readLinePairs(file, cwd, extension === '.jsonl' ? 'jsonl' : 'tsv', encoding);
}

async function* readLinePairs(
  file: string,
  cwd: string,
  kind: 'tsv' | 'jsonl',
  encoding: EncodingName | undefined,
): AsyncGenerator<FilterPair> {
  const lines = createInterface({
    // Decoded as it streams, by TSV's encoding rule (the same for JSONL: text with line breaks),
    // so the file is never whole in memory and a bad byte is named by its offset.
    input: Readable.from(
      decodeByteStream(createReadStream(resolve(cwd, file)), {
        file,
        encoding,
        detect: (head, complete) => tsvEncoding(head, complete, file),
      }),
    ),
    crlfDelay: Infinity,
  });
  let line = 0;
  let zhFirst: boolean | undefined;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    if (kind === 'jsonl') {
      yield jsonlPair(text, file, line);
      continue;
    }
    const cells = text.split('\t');
    if (cells.length < 2) {
      throw new BitextError('TSV_MALFORMED', 'expected two tab-separated columns (zh<TAB>en), found one', {
        file,
        line,
      });
    }
    const [a = '', b = '', third] = cells;
    zhFirst ??= hanCount(a) >= hanCount(b);
    const confidence =
      third !== undefined && third.trim() !== '' && Number.isFinite(Number(third))
        ? Number(third)
        : undefined;
    yield {
      zh: zhFirst ? a : b,
      en: zhFirst ? b : a,
      ...(confidence !== undefined ? { confidence } : {}),
      document: file,
      origin: { file, line },
    };
  }
}

function jsonlPair(text: string, file: string, line: number): FilterPair {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BitextError('JSONL_MALFORMED', `not JSON: ${(error as Error).message}`, { file, line });
  }
  const record = value as {
    zh?: unknown;
    en?: unknown;
    confidence?: unknown;
    source?: unknown;
    document?: unknown;
  };
  if (typeof record?.zh !== 'string' || typeof record?.en !== 'string') {
    throw new BitextError('JSONL_MALFORMED', 'each line needs string fields "zh" and "en"', { file, line });
  }
  const document =
    typeof record.document === 'string'
      ? record.document
      : typeof record.source === 'string'
        ? record.source
        : file;
  return {
    zh: record.zh,
    en: record.en,
    ...(typeof record.confidence === 'number' ? { confidence: record.confidence } : {}),
    document,
    origin: { file, line },
  };
}

async function* readTmxPairs(
  file: string,
  cwd: string,
  encoding: EncodingName | undefined,
): AsyncGenerator<FilterPair> {
  let unit = 0;
  for await (const u of readTmx(createReadStream(resolve(cwd, file)), file, { encoding })) {
    unit++;
    yield {
      zh: u.zh,
      en: u.en,
      ...(u.confidence !== undefined ? { confidence: u.confidence } : {}),
      document: u.document ?? file,
      origin: { file, unit },
    };
  }
}

function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
