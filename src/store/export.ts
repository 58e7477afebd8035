import { TMX_PROPS } from '../formats/tmx-read.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../formats/tmx-write.js';
import { xliffFooter, xliffHeader, xliffUnit } from '../formats/xliff-write.js';
import type { TmStore, TmUnit, TmUnitFilter } from './tm-store.js';

export const EXPORT_FORMATS = ['tmx', 'tsv', 'xliff', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The TM (or the part the filter passes) as a stream of text chunks in one format, one unit at a
 * time, for writeFileAtomic or stdout. TMX keeps everything a re-import needs: languages, dates and
 * the bitext props (document, position, confidence).
 */
export async function* exportUnits(
  store: TmStore,
  format: ExportFormat,
  filter: TmUnitFilter = {},
  options: { now?: Date } = {},
): AsyncGenerator<string> {
  const units = store.units(filter);
  switch (format) {
    case 'tmx':
      yield tmxHeader({ srcLang: 'zh-CN', creationDate: options.now });
      for await (const unit of units) yield tmxUnit(toTmxUnit(unit));
      yield tmxFooter();
      return;
    case 'xliff':
      yield xliffHeader({ sourceLang: 'zh-CN', targetLang: 'en-US' });
      for await (const unit of units)
        yield xliffUnit({ id: String(unit.id), source: unit.zh, target: unit.en });
      yield xliffFooter();
      return;
    case 'tsv':
      for await (const unit of units) yield `${tsvField(unit.zh)}\t${tsvField(unit.en)}\n`;
      return;
    case 'jsonl':
      for await (const unit of units) yield `${JSON.stringify(unit)}\n`;
      return;
  }
}

function toTmxUnit(unit: TmUnit) {
  const props: Array<{ type: string; value: string }> = [];
  if (unit.document !== null) props.push({ type: TMX_PROPS.document, value: unit.document });
  if (unit.position !== null) props.push({ type: TMX_PROPS.position, value: String(unit.position) });
  if (unit.confidence !== null) props.push({ type: TMX_PROPS.confidence, value: String(unit.confidence) });
  return {
    tuid: String(unit.id),
    creationDate: new Date(unit.createdAt),
    changeDate: new Date(unit.changedAt),
    props,
    segments: [
      { lang: unit.zhLang, text: unit.zh },
      { lang: unit.enLang, text: unit.en },
    ],
  };
}

/** Tabs and line breaks inside a segment become spaces: TSV has no escapes. */
function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}
