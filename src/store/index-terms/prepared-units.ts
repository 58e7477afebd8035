import { normalizeSegment, unitKeyOf } from '../../core/fuzzy/normalize.js';
import type { Lang, Script } from '../../core/types.js';
import type { InlineCode } from '../../formats/inline-codes.js';
import { canonicalEnTag, canonicalZhTag } from '../lang-tags.js';
import type { TmUnitInput } from '../tm-store.js';
import { TermCounts } from './term-counts.js';
import { hashKey } from './term-index.js';

/**
 * Units made ready for insertion: trimmed, tagged, keyed and with their FTS5 document, everything the
 * import does before SQLite. Column arrays rather than one object per unit, because batches cross
 * from the import worker to the main thread by structured clone, which copies arrays of strings and
 * numbers faster than objects (whose property names are written again for every unit).
 */
export interface PreparedBatch {
  /** Units read from the input for this batch, skipped ones included. */
  read: number;
  /** Units with an empty side: counted, not prepared. */
  skipped: number;
  zh: string[];
  en: string[];
  zhLang: string[];
  enLang: string[];
  script: Script[];
  /** hashKey of the unit's key (probe 0; the store probes further on a collision). */
  keyHash: number[];
  /** The FTS5 document: masked-side hashes, then the distinct index terms (TermCounts.document). */
  terms: string[];
  /** The document a unit names (TMX `x-document`); null: the file being imported. */
  document: (string | null)[];
  position: (number | null)[];
  confidence: (number | null)[];
  /** ISO times; null: the import's time (createdAt), the creation time (changedAt). */
  createdAt: (string | null)[];
  changedAt: (string | null)[];
  /**
   * Inline codes (InlineCode[]) and the unit's metadata (UnitMeta) as JSON text, null when none: the
   * stores keep them as given, and text crosses to the main thread faster than nested objects.
   */
  zhCodes: (string | null)[];
  enCodes: (string | null)[];
  meta: (string | null)[];
  /**
   * Document frequencies summed over the units prepared so far, handed over when the in-memory map
   * grows large and with the last batch. They count every prepared unit, duplicates included: the
   * store subtracts the duplicates it finds.
   */
  termUnits: { lang: Lang[]; term: string[]; units: number[] };
}

/**
 * Distinct terms whose unit counts an import keeps in memory before handing them over (~100 bytes
 * each, so about 20 MB at most); a TM's vocabulary of bigrams and words is mostly far smaller.
 */
const TERM_COUNTS_IN_MEMORY = 200_000;

function emptyBatch(): PreparedBatch {
  return {
    read: 0,
    skipped: 0,
    zh: [],
    en: [],
    zhLang: [],
    enLang: [],
    script: [],
    keyHash: [],
    terms: [],
    document: [],
    position: [],
    confidence: [],
    createdAt: [],
    changedAt: [],
    zhCodes: [],
    enCodes: [],
    meta: [],
    termUnits: { lang: [], term: [], units: [] },
  };
}

/**
 * Prepares an input of units in batches of `size`: in the import worker, or in this thread
 * (addDocument). The term counts go with a batch when they grow many, and with the last batch.
 */
export async function* prepareUnits(
  units: AsyncIterable<TmUnitInput> | Iterable<TmUnitInput>,
  size: number,
): AsyncGenerator<PreparedBatch> {
  const termCounts = new TermCounts();
  const scripts = new NeighbourScripts();
  let batch = emptyBatch();
  const take = (last: boolean): PreparedBatch => {
    const taken = batch;
    batch = emptyBatch();
    scripts.newBatch();
    if (last || termCounts.size > TERM_COUNTS_IN_MEMORY) {
      const out = taken.termUnits;
      for (const { lang, term, units } of termCounts.drain()) {
        out.lang.push(lang);
        out.term.push(term);
        out.units.push(units);
      }
    }
    return taken;
  };
  for await (const unit of units) {
    prepareUnit(unit, batch, termCounts, scripts);
    if (batch.read >= size) yield take(false);
  }
  yield take(true);
}

/** Adds one unit to `batch`: counted as read, and prepared unless a side is empty. */
function prepareUnit(
  unit: TmUnitInput,
  batch: PreparedBatch,
  termCounts: TermCounts,
  scripts: NeighbourScripts,
): void {
  batch.read++;
  const zh = unit.zh.trim();
  const en = unit.en.trim();
  if (!zh || !en) {
    batch.skipped++;
    return;
  }
  batch.zhCodes.push(codesJson(unit.zhCodes, unit.zh, zh));
  batch.enCodes.push(codesJson(unit.enCodes, unit.en, en));
  batch.meta.push(unit.meta === undefined ? null : JSON.stringify(unit.meta));
  const { tag: zhLang, script, decided } = canonicalZhTag(unit.zhLang, zh, scripts.last);
  const zhNormal = normalizeSegment(zh, 'zh');
  const enNormal = normalizeSegment(en, 'en');
  batch.zh.push(zh);
  batch.en.push(en);
  batch.zhLang.push(zhLang);
  batch.enLang.push(canonicalEnTag(unit.enLang));
  batch.script.push(script);
  scripts.saw(batch, batch.zh.length - 1, unit.zhLang, decided);
  batch.keyHash.push(hashKey(unitKeyOf(zhNormal, enNormal)));
  batch.terms.push(termCounts.document(zhNormal, enNormal));
  batch.document.push(unit.document ?? null);
  batch.position.push(unit.position ?? null);
  batch.confidence.push(unit.confidence ?? null);
  batch.createdAt.push(unit.createdAt?.toISOString() ?? null);
  batch.changedAt.push(unit.changedAt?.toISOString() ?? null);
}

/**
 * A side's codes as JSON, their offsets moved to the trimmed text (a code in white space trimmed
 * away stands at that end of the text).
 */
function codesJson(codes: InlineCode[] | undefined, text: string, trimmed: string): string | null {
  if (codes === undefined || codes.length === 0) return null;
  const lead = text.length - text.trimStart().length;
  if (lead === 0 && trimmed.length === text.length) return JSON.stringify(codes);
  return JSON.stringify(
    codes.map((code) => ({ ...code, at: Math.min(Math.max(code.at - lead, 0), trimmed.length) })),
  );
}

/**
 * Untagged units that read the same in both scripts (外事工作, 2020年, names) take the script of the
 * units before them, or, at the start of an input, of the first unit that tells: a Traditional
 * document's neutral sentences are zh-TW like the rest, not zh-CN, so its export stays one language
 * pair. Fixed up in place, within the batch not yet handed over; the key does not hold the script,
 * so nothing else changes.
 */
class NeighbourScripts {
  last: Script | undefined;
  private pending: Array<{ index: number; tag: string | undefined }> = [];

  saw(batch: PreparedBatch, index: number, tag: string | undefined, decided: boolean): void {
    if (!decided) {
      if (this.last === undefined) this.pending.push({ index, tag });
      return;
    }
    this.last = batch.script[index]!;
    for (const p of this.pending) {
      const resolved = canonicalZhTag(p.tag, batch.zh[p.index]!, this.last);
      batch.zhLang[p.index] = resolved.tag;
      batch.script[p.index] = resolved.script;
    }
    this.pending = [];
  }

  /** Units of a batch handed over keep the default script (Simplified). */
  newBatch(): void {
    this.pending = [];
  }
}
