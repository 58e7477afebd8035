import { BitextError } from '../core/errors.js';
import { tagUnder } from '../formats/lang-choice.js';
import { TMX_PROPS } from '../formats/tmx-read.js';
import { type TmxUnit, tmxFooter, tmxHeader, tmxUnit } from '../formats/tmx-write.js';
import {
  notesAnnotating,
  xliffEnd,
  xliffFileEnd,
  xliffFileStart,
  xliffStart,
  xliffUnit,
} from '../formats/xliff-write.js';
import { xliff2End, xliff2Start, xliff2Unit } from '../formats/xliff2-write.js';
import { writeXlsx, type XlsxColumn } from '../formats/xlsx-write.js';
import type { TmStore, TmUnit, TmUnitFilter } from './tm-store.js';

export const EXPORT_FORMATS = ['tmx', 'tsv', 'xliff', 'xliff2', 'jsonl', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The store's filter, and language tags: only units whose Chinese or English tag is this one. */
export interface ExportUnitFilter extends TmUnitFilter {
  /** `zh-TW` takes zh-TW (and zh-TW-…) units; case and `_` for `-` do not matter. */
  zhLang?: string;
  enLang?: string;
}

/**
 * The TM (or the part the filter passes) as a stream of chunks in one format, one unit at a time,
 * for writeFileAtomic or stdout: text, or bytes for XLSX. Every unit keeps its own language tags
 * where the format has room for them: TMX per `<tuv>`, XLIFF 1.2 per `<file>` (one per language
 * pair), XLIFF 2.0 per document (so one pair only, see below), XLSX and JSON lines per unit; TSV has
 * none. TMX also keeps the dates and the bitext props (document, position, confidence), XLIFF 2.0 the
 * same as metadata, XLSX the same as columns. TMX and both XLIFFs write each unit's inline codes in
 * their own markup (formats/xliff-codes.ts) and its notes.
 */
export async function* exportUnits(
  store: TmStore,
  format: ExportFormat,
  filter: ExportUnitFilter = {},
  options: { now?: Date } = {},
): AsyncGenerator<string | Uint8Array> {
  switch (format) {
    case 'tmx': {
      // TMX 1.4: the header's srclang is the language of every unit's source tuv, or *all* when
      // they differ (zh-CN and zh-TW units in one TM).
      const { zh } = (await store.stats()).languages;
      const tags = Object.keys(zh);
      yield tmxHeader({ srcLang: tags.length === 1 ? tags[0]! : '*all*', creationDate: options.now });
      for await (const unit of selectUnits(store, filter)) yield tmxUnit(toTmxUnit(unit));
      yield tmxFooter();
      return;
    }
    case 'xliff':
      yield xliffStart();
      // XLIFF 1.2 states the languages per <file>: one file per pair, each from its own pass over
      // the units (a TM holds a handful of pairs), so nothing is buffered.
      for (const pair of await languagePairs(store, filter)) {
        yield xliffFileStart({ sourceLang: pair.zh, targetLang: pair.en });
        for await (const unit of selectUnits(store, filter)) {
          if (unit.zhLang === pair.zh && unit.enLang === pair.en)
            yield xliffUnit({
              id: String(unit.id),
              source: unit.zh,
              target: unit.en,
              sourceCodes: unit.zhCodes,
              targetCodes: unit.enCodes,
              notes: notesAnnotating(unit.meta?.notes, 'zh'),
            });
        }
        yield xliffFileEnd();
      }
      yield xliffEnd();
      return;
    case 'xliff2': {
      // One pair per XLIFF 2.0 document. Several pairs are refused rather than the majority written:
      // an export that silently leaves units out looks complete and is not. The user picks a pair
      // (--zh-lang/--en-lang), or writes XLIFF 1.2, which has a <file> per pair.
      const pairs = await languagePairs(store, filter);
      if (pairs.length > 1) {
        const listed = pairs.map((p) => `${p.zh}/${p.en} (${p.units})`).join(', ');
        throw new BitextError(
          'XLIFF2_LANGUAGES',
          `XLIFF 2.0 holds one language pair per document, and the units to export have ${pairs.length}: ${listed}; choose one with --zh-lang and --en-lang, or use --format xliff (XLIFF 1.2, a <file> per pair)`,
        );
      }
      const [pair] = pairs as [LanguagePair];
      // A 2.0 <file> holds one or more units: an empty selection has no valid document.
      const units = selectUnits(store, filter);
      const first = await units.next();
      if (first.done) {
        throw new BitextError('EXPORT_EMPTY', 'no units to export, and an XLIFF 2.0 file needs at least one');
      }
      yield xliff2Start({ srcLang: pair.zh, trgLang: pair.en });
      yield xliff2Unit(toXliff2Unit(first.value));
      for await (const unit of units) yield xliff2Unit(toXliff2Unit(unit));
      yield xliff2End();
      return;
    }
    case 'xlsx':
      yield* writeXlsx('translation memory', TM_XLSX_COLUMNS, tmXlsxRows(selectUnits(store, filter)));
      return;
    case 'tsv':
      for await (const unit of selectUnits(store, filter))
        yield `${tsvField(unit.zh)}\t${tsvField(unit.en)}\n`;
      return;
    case 'jsonl':
      for await (const unit of selectUnits(store, filter)) yield `${JSON.stringify(unit)}\n`;
      return;
  }
}

interface LanguagePair {
  zh: string;
  en: string;
  /** Units of the pair the filter passes (the TM's count when it has one pair: no pass made). */
  units: number;
}

/**
 * The (zh tag, en tag) pairs of the units the filter passes, in order of first use. When the TM has
 * one tag per language that is the pair, without a pass; an empty selection still gets a (empty)
 * file, since an XLIFF document needs one.
 */
async function languagePairs(store: TmStore, filter: ExportUnitFilter): Promise<LanguagePair[]> {
  const stats = await store.stats();
  const [zhTags, enTags] = [Object.keys(stats.languages.zh), Object.keys(stats.languages.en)];
  if (zhTags.length <= 1 && enTags.length <= 1)
    return [
      {
        zh: onlyTag(zhTags, filter.zhLang, 'zh-CN'),
        en: onlyTag(enTags, filter.enLang, 'en-US'),
        units: stats.units,
      },
    ];
  const pairs = new Map<string, LanguagePair>();
  for await (const unit of selectUnits(store, filter)) {
    const key = `${unit.zhLang}\u0000${unit.enLang}`;
    const pair = pairs.get(key);
    if (pair) pair.units++;
    else pairs.set(key, { zh: unit.zhLang, en: unit.enLang, units: 1 });
  }
  return pairs.size > 0
    ? [...pairs.values()]
    : [{ zh: filter.zhLang ?? 'zh-CN', en: filter.enLang ?? 'en-US', units: 0 }];
}

/**
 * The tag of a TM with one tag for the language: its own when the filter passes it (`--zh-lang zh`
 * or `ZH_tw` for zh-TW units: the file must say zh-TW, as the units do, or XLIFF 1.2 matches no unit
 * to its <file>), else the one asked for (no unit passes), else a default for an empty TM.
 */
function onlyTag(tags: string[], chosen: string | undefined, fallback: string): string {
  const [tag] = tags;
  if (tag !== undefined && (chosen === undefined || tagUnder(tag, chosen))) return tag;
  return chosen ?? fallback;
}

/** The store's units the filter passes, language tags included (the stores filter the rest). */
async function* selectUnits(store: TmStore, filter: ExportUnitFilter): AsyncGenerator<TmUnit> {
  const { zhLang, enLang, ...storeFilter } = filter;
  for await (const unit of store.units(storeFilter)) {
    if (zhLang !== undefined && !tagUnder(unit.zhLang, zhLang)) continue;
    if (enLang !== undefined && !tagUnder(unit.enLang, enLang)) continue;
    yield unit;
  }
}

/** XLIFF 2.0 unit ids are NMTOKENs: `u` and the unit's id, unique in the TM. */
function toXliff2Unit(unit: TmUnit) {
  return {
    id: `u${unit.id}`,
    source: unit.zh,
    target: unit.en,
    sourceCodes: unit.zhCodes,
    targetCodes: unit.enCodes,
    notes: notesAnnotating(unit.meta?.notes, 'zh'),
    metadata: [
      ['document', unit.document],
      ['position', unit.position === null ? null : String(unit.position)],
      ['confidence', unit.confidence === null ? null : String(unit.confidence)],
      ['created', unit.createdAt],
      ['changed', unit.changedAt],
    ] as Array<[string, string | null]>,
  };
}

/** The TM review sheet: texts, their tags, where each unit came from, how sure the aligner was, when. */
const TM_XLSX_COLUMNS: readonly XlsxColumn[] = [
  { header: 'zh', width: 60, wrap: true },
  { header: 'en', width: 80, wrap: true },
  { header: 'zh lang', width: 9 },
  { header: 'en lang', width: 9 },
  { header: 'document', width: 30, wrap: true },
  { header: 'position', width: 9 },
  { header: 'confidence', width: 12, numberFormat: '0.000' },
  { header: 'created (UTC)', width: 20, numberFormat: 'yyyy-mm-dd hh:mm:ss' },
  { header: 'changed (UTC)', width: 20, numberFormat: 'yyyy-mm-dd hh:mm:ss' },
];

async function* tmXlsxRows(units: AsyncIterable<TmUnit>) {
  for await (const unit of units) {
    yield [
      unit.zh,
      unit.en,
      unit.zhLang,
      unit.enLang,
      unit.document,
      unit.position,
      unit.confidence,
      new Date(unit.createdAt),
      new Date(unit.changedAt),
    ];
  }
}

/**
 * A stored unit as TMX writes it: its codes back in the segments; bitext's props, then the unit's
 * own props and notes (each in the `<tu>` or the `<tuv>` it came from); its tuid, else the TM's id.
 * A unit with TMX metadata gets its dates as the file gave them (none when it gave none, rather than
 * the import's time); others, XLIFF's among them (XLIFF has no unit dates), get the TM's dates.
 */
function toTmxUnit(unit: TmUnit): TmxUnit {
  const props: Array<{ type: string; value: string }> = [];
  if (unit.document !== null) props.push({ type: TMX_PROPS.document, value: unit.document });
  if (unit.position !== null) props.push({ type: TMX_PROPS.position, value: String(unit.position) });
  if (unit.confidence !== null) props.push({ type: TMX_PROPS.confidence, value: String(unit.confidence) });
  const meta = unit.meta;
  const onSide = <T extends { side?: 'zh' | 'en' }>(items: T[] | undefined, side: 'zh' | 'en' | undefined) =>
    (items ?? []).filter((item) => item.side === side);
  for (const p of onSide(meta?.props, undefined)) props.push({ type: p.type, value: p.value });
  const side = (lang: 'zh' | 'en') => ({
    lang: lang === 'zh' ? unit.zhLang : unit.enLang,
    text: lang === 'zh' ? unit.zh : unit.en,
    codes: lang === 'zh' ? unit.zhCodes : unit.enCodes,
    props: onSide(meta?.props, lang).map((p) => ({ type: p.type, value: p.value })),
    notes: onSide(meta?.notes, lang).map((n) => n.text),
  });
  return {
    tuid: meta?.tuid ?? String(unit.id),
    creationId: meta?.creationId,
    changeId: meta?.changeId,
    creationDate: meta && !meta.undated ? meta.creationDate : new Date(unit.createdAt),
    changeDate: meta && !meta.undated ? meta.changeDate : new Date(unit.changedAt),
    props,
    notes: onSide(meta?.notes, undefined).map((n) => n.text),
    segments: [side('zh'), side('en')],
  };
}

/** Tabs and line breaks inside a segment become spaces: TSV has no escapes. */
function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}
