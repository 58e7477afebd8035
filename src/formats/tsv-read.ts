import { TextDecoder } from 'node:util';
import { BitextError } from '../core/errors.js';
import { detectLang } from '../core/fuzzy/detect-lang.js';
import { type ImportedUnit, langOfTag } from './tmx-read.js';
import type { ByteChunks } from './xml-safety.js';

/**
 * Streams the units of a tab-separated file: one pair per line, `zh<TAB>en` (what `bitext align`
 * writes). An optional header row of language tags (`zh-TW<TAB>en-GB`, either order) names the
 * columns; without one, the column order is taken from the first line's text, so `en<TAB>zh` works
 * too. A third column, when numeric, is the confidence. Blank lines are skipped; a line without a tab
 * is an error naming its line.
 */
export async function* readTsv(bytes: ByteChunks, file: string): AsyncGenerator<ImportedUnit> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
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
  for await (const chunk of bytes) {
    try {
      pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      throw new BitextError('TSV_ENCODING', 'the file is not valid UTF-8', { file, line: lineNumber + 1 });
    }
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) yield* parse(line);
  }
  pending += decoder.decode();
  if (pending) yield* parse(pending);
}
