import { TMX_PROPS } from '../formats/tmx-read.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../formats/tmx-write.js';
import { xliffEnd, xliffFileEnd, xliffFileStart, xliffStart, xliffUnit } from '../formats/xliff-write.js';
import type { TmStore, TmUnit, TmUnitFilter } from './tm-store.js';

export const EXPORT_FORMATS = ['tmx', 'tsv', 'xliff', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The TM (or the part the filter passes) as a stream of text chunks in one format, one unit at a
 * time, for writeFileAtomic or stdout. Every unit keeps its own language tags where the format has
 * room for them: TMX per `<tuv>`, XLIFF per `<file>` (one per language pair), JSON lines per unit;
 * TSV has none. TMX also keeps the dates and the bitext props (document, position, confidence).
 */
export async function* exportUnits(
  store: TmStore,
  format: ExportFormat,
  filter: TmUnitFilter = {},
  options: { now?: Date } = {},
): AsyncGenerator<string> {
  switch (format) {
    case 'tmx': {
      // TMX 1.4: the header's srclang is the language of every unit's source tuv, or *all* when
      // they differ (zh-CN and zh-TW units in one TM).
      const { zh } = (await store.stats()).languages;
      const tags = Object.keys(zh);
      yield tmxHeader({ srcLang: tags.length === 1 ? tags[0]! : '*all*', creationDate: options.now });
      for await (const unit of store.units(filter)) yield tmxUnit(toTmxUnit(unit));
      yield tmxFooter();
      return;
    }
    case 'xliff':
      yield xliffStart();
      // XLIFF 1.2 states the languages per <file>: one file per pair, each from its own pass over
      // the units (a TM holds a handful of pairs), so nothing is buffered.
      for (const pair of await languagePairs(store, filter)) {
        yield xliffFileStart({ sourceLang: pair.zh, targetLang: pair.en });
        for await (const unit of store.units(filter)) {
          if (unit.zhLang === pair.zh && unit.enLang === pair.en)
            yield xliffUnit({ id: String(unit.id), source: unit.zh, target: unit.en });
        }
        yield xliffFileEnd();
      }
      yield xliffEnd();
      return;
    case 'tsv':
      for await (const unit of store.units(filter)) yield `${tsvField(unit.zh)}\t${tsvField(unit.en)}\n`;
      return;
    case 'jsonl':
      for await (const unit of store.units(filter)) yield `${JSON.stringify(unit)}\n`;
      return;
  }
}

/**
 * The (zh tag, en tag) pairs of the units the filter passes, in order of first use. When the TM has
 * one tag per language that is the pair, without a pass; an empty selection still gets a (empty)
 * file, since an XLIFF document needs one.
 */
async function languagePairs(
  store: TmStore,
  filter: TmUnitFilter,
): Promise<Array<{ zh: string; en: string }>> {
  const { zh, en } = (await store.stats()).languages;
  const [zhTags, enTags] = [Object.keys(zh), Object.keys(en)];
  if (zhTags.length <= 1 && enTags.length <= 1)
    return [{ zh: zhTags[0] ?? 'zh-CN', en: enTags[0] ?? 'en-US' }];
  const pairs = new Map<string, { zh: string; en: string }>();
  for await (const unit of store.units(filter)) {
    const key = `${unit.zhLang}\u0000${unit.enLang}`;
    if (!pairs.has(key)) pairs.set(key, { zh: unit.zhLang, en: unit.enLang });
  }
  return pairs.size > 0 ? [...pairs.values()] : [{ zh: 'zh-CN', en: 'en-US' }];
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
