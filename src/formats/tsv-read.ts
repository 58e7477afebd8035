import { BitextError } from '../core/errors.js';
import { detectLang } from '../core/fuzzy/detect-lang.js';
import { decodeBytes } from '../io/decode.js';
import { sniffUtf16 } from '../io/decode-utf16.js';
import { type ByteChunks, type DetectedEncoding, decodeByteStream } from './decode-stream.js';
import { type ImportedUnit, langOfTag, type ReadOptions } from './tmx-read.js';

/**
 * Streams the units of a tab-separated file: one pair per line, `zh<TAB>en` (what `bitext align`
 * writes). An optional header row of language tags (`zh-TW<TAB>en-GB`, either order) names the
 * columns; without one, the column order is taken from the first line's text, so `en<TAB>zh` works
 * too. A third column, when numeric, is the confidence. Blank lines are skipped; a line without a tab
 * is an error naming its line. The encoding is the one given, else found as `align` finds it
 * (tsvEncoding): a UTF-16 file as Excel saves it (with a byte-order mark) or a GBK one reads as well
 * as UTF-8.
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
    if (!columns) {
      const tags = cells.slice(0, 2).map((c) => c.trim());
      if (
        tags.every((t) => /^[a-z]{2,3}([-_][a-z0-9]+)*$/i.test(t)) &&
        langOfTag(tags[0]) &&
        langOfTag(tags[1])
      ) {
        const zh = langOfTag(tags[0]) === 'zh' ? 0 : 1;
        columns = { zh, en: 1 - zh, zhLang: tags[zh], enLang: tags[1 - zh] };
        return;
      }
      const zh = detectLang(cells[0]!) === 'en' && detectLang(cells[1]!) === 'zh' ? 1 : 0;
      columns = { zh, en: 1 - zh };
    }
    const unit: ImportedUnit = { zh: cells[columns.zh]!, en: cells[columns.en]!, position: position++ };
    if (columns.zhLang) unit.zhLang = columns.zhLang;
    if (columns.enLang) unit.enLang = columns.enLang;
    const confidence = cells[2]?.trim();
    if (confidence && Number.isFinite(Number(confidence))) unit.confidence = Number(confidence);
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

/**
 * A TSV without a byte-order mark is in the encoding decode.ts finds for `align`: UTF-8 when valid,
 * else GB18030 or Big5, whichever reads more like Chinese; UTF-16 without a mark by its byte order's
 * pattern (sniffUtf16: a TSV's tabs and line breaks always give NUL bytes), checked on the whole head
 * since the cut below may fall inside a UTF-16 code unit; binary bytes are refused. Otherwise it looks
 * at the head cut after its last tab or line break (a byte below 0x30), so that no character is cut
 * in any of the three.
 */
function tsvEncoding(head: Uint8Array, complete: boolean, file: string): DetectedEncoding {
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
