import { BitextError } from '../core/errors.js';
import { detectLang } from '../core/fuzzy/detect-lang.js';
import { decodeBytes } from '../io/decode.js';
import { sniffUtf16 } from '../io/decode-utf16.js';
import { type ByteChunks, type DetectedEncoding, decodeByteStream } from './decode-stream.js';
import { type ImportedUnit, langOfTag, type ReadOptions } from './tmx-read.js';

/**
 * Streams the units of a tab-separated file: one pair per line, `zh<TAB>en` (what `bitext align`
 * writes), optionally `<TAB>confidence` (a number from 0 to 1). An optional header row names the
 * columns and is not stored: language tags (`zh-TW<TAB>en-GB`, either order), `zh<TAB>en`,
 * `source<TAB>target` (the text then says which is Chinese), `Chinese`/`English`, `中文`/`英文`, with
 * `confidence` or `score` for a third. Without one, the column order is taken from the first line's
 * text, so `en<TAB>zh` works too. Blank lines are skipped. Nothing is dropped silently: a line
 * without a tab, a third column that is not a confidence, a fourth column, and control characters
 * (NUL, ESC…, which `align` and `qa` refuse or clean away too) are errors naming the line and
 * column. The encoding is the one given, else found as `align` finds it (tsvEncoding): a UTF-16 file
 * as Excel saves it (with a byte-order mark) or a GBK one reads as well as UTF-8.
 */
export async function* readTsv(
  bytes: ByteChunks,
  file: string,
  options: ReadOptions = {},
): AsyncGenerator<ImportedUnit> {
  let pending = '';
  let lineNumber = 0;
  let columns: { zh: number; en: number; zhLang?: string; enLang?: string } | undefined;
  let position = 0;
  const parse = function* (line: string): Generator<ImportedUnit> {
    lineNumber++;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!text.trim()) return;
    const cells = text.split('\t');
    if (cells.length < 2) {
      throw new BitextError('TSV_MALFORMED', 'expected two tab-separated columns (zh<TAB>en), found one', {
        file,
        line: lineNumber,
      });
    }
    refuseControls(text, file, lineNumber);
    if (!columns) {
      const tags = cells.slice(0, 2).map((c) => c.trim());
      if (
        tags.every((t) => /^[a-z]{2,3}([-_][a-z0-9]+)*$/i.test(t)) &&
        langOfTag(tags[0]) &&
        langOfTag(tags[1])
      ) {
        const zh = langOfTag(tags[0]) === 'zh' ? 0 : 1;
        columns = { zh, en: 1 - zh, zhLang: tags[zh], enLang: tags[1 - zh] };
        checkExtraHeader(cells, file, lineNumber);
        return;
      }
      const named = tags.map(headerName);
      if (named[0] && named[1]) {
        // source/target say nothing of the language: the first row of text decides, as without a header.
        const zh =
          named[0] === 'zh' || named[1] === 'en' ? 0 : named[0] === 'en' || named[1] === 'zh' ? 1 : -1;
        if (zh >= 0) columns = { zh, en: 1 - zh };
        checkExtraHeader(cells, file, lineNumber);
        return;
      }
      const zh = detectLang(cells[0]!) === 'en' && detectLang(cells[1]!) === 'zh' ? 1 : 0;
      columns = { zh, en: 1 - zh };
    }
    if (cells.length > 3) {
      throw new BitextError(
        'TSV_MALFORMED',
        `${cells.length} tab-separated columns; tm import reads zh<TAB>en and an optional confidence (0–1): remove the others (cut -f1-3)`,
        { file, line: lineNumber, column: columnOf(cells, 3) },
      );
    }
    const unit: ImportedUnit = { zh: cells[columns.zh]!, en: cells[columns.en]!, position: position++ };
    if (columns.zhLang) unit.zhLang = columns.zhLang;
    if (columns.enLang) unit.enLang = columns.enLang;
    const confidence = cells[2]?.trim();
    if (confidence) {
      const value = Number(confidence);
      if (!Number.isFinite(value) || value < 0 || value > 1) {
        throw new BitextError(
          'TSV_MALFORMED',
          `a third column "${confidence.slice(0, 40)}" that is not a confidence (a number from 0 to 1); tm import reads zh<TAB>en[<TAB>confidence]: remove it (cut -f1,2)`,
          { file, line: lineNumber, column: columnOf(cells, 2) },
        );
      }
      unit.confidence = value;
    }
    yield unit;
  };
  const text = decodeByteStream(bytes, {
    file,
    encoding: options.encoding,
    detect: (head, complete) => tsvEncoding(head, complete, file),
  });
  for await (const chunk of text) {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) yield* parse(line);
  }
  if (pending) yield* parse(pending);
}

/** A header cell's meaning: `zh`, `en`, or `side` for source/target (whose language the text tells). */
function headerName(cell: string): 'zh' | 'en' | 'side' | undefined {
  const name = cell.trim().toLowerCase();
  if (name === 'zh' || name === 'chinese' || name === '中文' || name === '汉语' || name === '漢語')
    return 'zh';
  if (name === 'en' || name === 'english' || name === '英文' || name === '英语' || name === '英語')
    return 'en';
  if (name === 'source' || name === 'target') return 'side';
  return undefined;
}

/** A header's third column may only name the confidence; more columns are refused as in the rows. */
function checkExtraHeader(cells: readonly string[], file: string, line: number): void {
  const extra = cells.slice(2).map((c) => c.trim().toLowerCase());
  if (extra.length === 0 || (extra.length === 1 && ['confidence', 'score', ''].includes(extra[0]!))) return;
  throw new BitextError(
    'TSV_MALFORMED',
    `a header with columns ${cells.map((c) => `"${c.trim()}"`).join(', ')}; tm import reads zh<TAB>en and an optional confidence: remove the others`,
    { file, line, column: columnOf(cells, 2) },
  );
}

/** The 1-based character column where cell `index` starts. */
function columnOf(cells: readonly string[], index: number): number {
  return cells.slice(0, index).reduce((n, c) => n + c.length + 1, 1);
}

/** C0 controls but tab (and the line breaks already split off); DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const CONTROL_NAMES: Record<number, string> = {
  0: 'NUL',
  27: 'ESC',
  127: 'DEL',
  12: 'form feed',
  11: 'vertical tab',
};

/**
 * Control characters are not text: `align` refuses a NUL as binary and cleans the others away, so a
 * TM must not store them either (a CAT tool would show them as boxes, or choke on them in TMX).
 */
function refuseControls(line: string, file: string, lineNumber: number): void {
  const at = line.search(CONTROL);
  if (at < 0) return;
  const code = line.charCodeAt(at);
  const name = CONTROL_NAMES[code];
  throw new BitextError(
    'TSV_MALFORMED',
    `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''} in the text; remove it (bitext align cleans control characters away)`,
    { file, line: lineNumber, column: at + 1 },
  );
}

/**
 * A TSV without a byte-order mark is in the encoding decode.ts finds for `align`: UTF-8 when valid,
 * else GB18030 or Big5, whichever reads more like Chinese; UTF-16 without a mark by its byte order's
 * pattern (sniffUtf16: a TSV's tabs and line breaks always give NUL bytes), checked on the whole head
 * since the cut below may fall inside a UTF-16 code unit; binary bytes are refused. Otherwise it looks
 * at the head cut after its last tab or line break (a byte below 0x30), so that no character is cut
 * in any of the three.
 */
export function tsvEncoding(head: Uint8Array, complete: boolean, file: string): DetectedEncoding {
  const utf16 = head.includes(0) ? sniffUtf16(head) : undefined;
  if (utf16) {
    return {
      encoding: utf16,
      why: `as ${utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} without a byte-order mark, which its first bytes read as; name the encoding if it is another`,
    };
  }
  let sample = head;
  if (!complete) {
    let cut = head.length;
    while (cut > 0 && head[cut - 1]! >= 0x30) cut--;
    if (cut > 0) sample = head.subarray(0, cut);
  }
  const { encoding } = decodeBytes(sample, { file });
  return {
    encoding,
    why: `as detected from its first ${sample.length} bytes; name the encoding if it is another`,
  };
}
