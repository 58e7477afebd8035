import type { AlignedDocument } from '../core/document.js';
import type { Bead, SentencePair, SentenceSource } from '../core/types.js';
import { describeSources } from './source-position.js';
import { type TmxUnit, writeTmx } from './tmx-write.js';
import { writeXlsx, type XlsxColumn } from './xlsx-write.js';

/** The text output formats of `bitext align` (formatDocument); `xlsx` is bytes (pairsToXlsx). */
export const PAIR_FORMATS = ['tsv', 'jsonl', 'tmx', 'align'] as const;
export type PairFormat = (typeof PAIR_FORMATS)[number];

/** `zh<TAB>en` per pair and nothing else; tabs and line breaks inside a sentence become spaces. */
export function pairsToTsv(pairs: readonly SentencePair[]): string {
  return pairs.map((p) => `${tsvField(p.zh)}\t${tsvField(p.en)}\n`).join('');
}

/**
 * One JSON object per pair: texts, confidence (3 decimals), the sentence ids each side came from,
 * the input's name, and where each sentence is in it (zhSources, enSources: see SentenceSource).
 */
export function pairsToJsonl(pairs: readonly SentencePair[], source?: string): string {
  return pairs
    .map((p) =>
      JSON.stringify({
        zh: p.zh,
        en: p.en,
        confidence: Math.round(p.confidence * 1000) / 1000,
        zhIds: p.zhIds,
        enIds: p.enIds,
        ...(source !== undefined ? { source } : {}),
        ...(p.zhSources ? { zhSources: p.zhSources } : {}),
        ...(p.enSources ? { enSources: p.enSources } : {}),
      }),
    )
    .map((line) => line + '\n')
    .join('');
}

/** Bead lines `[zh ids]:[en ids]`, 0-based, as in the gold data (every bead, 1-0 and 0-1 included). */
export function beadsToAlign(beads: readonly Bead[]): string {
  return beads.map((b) => `[${b.zh.join(',')}]:[${b.en.join(',')}]\n`).join('');
}

/** Parses bead lines `[0,1]:[2]`; blank lines are skipped. Throws with the 1-based line of a bad line. */
export function parseAlign(text: string): { beads: Array<{ zh: number[]; en: number[] }>; badLine?: number } {
  const beads: Array<{ zh: number[]; en: number[] }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const match = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]$/.exec(line);
    if (!match) return { beads, badLine: i + 1 };
    beads.push({ zh: idList(match[1]!), en: idList(match[2]!) });
  }
  return { beads };
}

/** TMX language of the Chinese side: zh-TW when the output keeps Traditional script, else zh-CN. */
export function chineseTmxLang(document: Pick<AlignedDocument, 'outputScript'>): string {
  return document.outputScript === 'traditional' ? 'zh-TW' : 'zh-CN';
}

export function pairsToTmx(
  pairs: readonly SentencePair[],
  options: { zhLang: string; source?: string; creationDate?: Date },
): string {
  const units: TmxUnit[] = pairs.map((p) => ({
    segments: [
      { lang: options.zhLang, text: p.zh, props: sourceProps(p.zhSources) },
      { lang: 'en-US', text: p.en, props: sourceProps(p.enSources) },
    ],
    props: [
      ...(options.source !== undefined ? [{ type: 'x-source', value: options.source }] : []),
      { type: 'x-confidence', value: p.confidence.toFixed(3) },
    ],
  }));
  return writeTmx(units, { srcLang: options.zhLang, creationDate: options.creationDate });
}

/**
 * Where each sentence of a variant came from, as `<prop type="x-source-position">` in its `<tuv>`
 * (TMX 1.4 allows props there, before the `<seg>`): one per sentence, its SentenceSource as JSON.
 */
export const SOURCE_POSITION_PROP = 'x-source-position';

export function sourceProps(sources: readonly SentenceSource[] | undefined) {
  return (sources ?? []).map((s) => ({ type: SOURCE_POSITION_PROP, value: JSON.stringify(s) }));
}

/**
 * The columns of the review sheet: what jsonl holds, one pair a row. The texts are wide and wrap;
 * ids are text (`3,4` for a 2-1 pair), 0-based as in jsonl and `.align`, so a row can be found in
 * either; the source is the input file (or `ZH + EN`); the positions say where each side's
 * sentences are in it (describeSources: `line 3, column 1`, `page 2, line 5`, `Sheet1!B3`…).
 */
export const PAIR_XLSX_COLUMNS: readonly XlsxColumn[] = [
  { header: 'zh', width: 60, wrap: true },
  { header: 'en', width: 80, wrap: true },
  { header: 'confidence', width: 12, numberFormat: '0.000' },
  { header: 'zh ids', width: 9 },
  { header: 'en ids', width: 9 },
  { header: 'source', width: 30, wrap: true },
  { header: 'zh position', width: 24, wrap: true },
  { header: 'en position', width: 24, wrap: true },
];

/** The pairs as an .xlsx sheet for review in Excel (LF Aligner users' habit), as bytes. */
export function pairsToXlsx(pairs: readonly SentencePair[], source?: string): AsyncIterable<Uint8Array> {
  return writeXlsx(
    'pairs',
    PAIR_XLSX_COLUMNS,
    pairs.map((p) => [
      p.zh,
      p.en,
      Math.round(p.confidence * 1000) / 1000,
      p.zhIds.join(','),
      p.enIds.join(','),
      source ?? null,
      describeSources(p.zhSources),
      describeSources(p.enSources),
    ]),
  );
}

export function formatDocument(document: AlignedDocument, format: PairFormat, source?: string): string {
  switch (format) {
    case 'tsv':
      return pairsToTsv(document.pairs);
    case 'jsonl':
      return pairsToJsonl(document.pairs, source);
    case 'tmx':
      return pairsToTmx(document.pairs, { zhLang: chineseTmxLang(document), source });
    case 'align':
      return beadsToAlign(document.beads);
  }
}

function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

function idList(text: string): number[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
}
