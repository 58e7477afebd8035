import { STATUS_PROP } from '../../app/review.js';
import { BitextError } from '../../core/errors.js';
import { sourceProps } from '../../formats/pairs.js';
import { describeSources } from '../../formats/source-position.js';
import { TMX_PROPS } from '../../formats/tmx-read.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../../formats/tmx-write.js';
import { writeXlsx, type XlsxColumn } from '../../formats/xlsx-write.js';
import type { ReviewAlignment } from '../state/server-state.js';
import { pairOf } from './review-view.js';

export const REVIEW_EXPORT_FORMATS = ['tmx', 'xlsx', 'tsv'] as const;
export type ReviewExportFormat = (typeof REVIEW_EXPORT_FORMATS)[number];

export const REVIEW_EXPORT_TYPES: Record<ReviewExportFormat, string> = {
  tmx: 'application/x-tmx+xml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  tsv: 'text/tab-separated-values; charset=utf-8',
};

const COLUMNS: readonly XlsxColumn[] = [
  { header: 'zh', width: 60, wrap: true },
  { header: 'en', width: 60, wrap: true },
  { header: 'confidence', width: 11, numberFormat: '0.000' },
  { header: 'status', width: 10 },
  { header: 'zh ids', width: 10 },
  { header: 'en ids', width: 10 },
  { header: 'zh position', width: 24, wrap: true },
  { header: 'en position', width: 24, wrap: true },
];

const ids = (list: ReadonlyArray<number | null>) =>
  list.map((id) => (id === null ? 'new' : String(id))).join(',');
const tsvField = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

/**
 * An alignment under review as TMX 1.4 (each pair's position, confidence, status and source sentence
 * ids as `<prop>`s, and where each side's sentences stand in their file as `x-source-position` in its
 * `<tuv>`, as `align --format tmx` writes it), XLSX (one row per pair) or TSV (zh, en, confidence,
 * status, zh ids, en ids, zh position, en position: `line 3, column 1`, `page 2, line 5`…).
 * Every bead is written, 1-0 and 0-1 too, so the export shows the whole review; TMX leaves those
 * out, as a TM unit needs both sides.
 */
export function exportAlignment(
  alignment: ReviewAlignment,
  format: ReviewExportFormat,
): AsyncIterable<string | Uint8Array> | string {
  const pairs = alignment.beads.map(pairOf);
  switch (format) {
    case 'tmx': {
      let out = tmxHeader({ srcLang: 'zh-CN', props: [{ type: TMX_PROPS.document, value: alignment.name }] });
      for (const pair of pairs) {
        if (!pair.zh || !pair.en) continue;
        const props = [
          { type: TMX_PROPS.document, value: alignment.name },
          { type: TMX_PROPS.position, value: String(pair.bead) },
          ...(pair.confidence === null
            ? []
            : [{ type: TMX_PROPS.confidence, value: pair.confidence.toFixed(3) }]),
          { type: STATUS_PROP, value: pair.status === 'confirmed' ? 'approved' : 'pending' },
          { type: 'x-zh-ids', value: ids(pair.zhIds) },
          { type: 'x-en-ids', value: ids(pair.enIds) },
        ];
        out += tmxUnit({
          tuid: String(pair.bead),
          props,
          segments: [
            { lang: 'zh-CN', text: pair.zh, props: sourceProps(pair.zhSources) },
            { lang: 'en-US', text: pair.en, props: sourceProps(pair.enSources) },
          ],
        });
      }
      return out + tmxFooter();
    }
    case 'tsv':
      return (
        'zh\ten\tconfidence\tstatus\tzh ids\ten ids\tzh position\ten position\n' +
        pairs
          .map((p) =>
            [
              tsvField(p.zh),
              tsvField(p.en),
              p.confidence?.toFixed(3) ?? '',
              p.status,
              ids(p.zhIds),
              ids(p.enIds),
              describeSources(p.zhSources) ?? '',
              describeSources(p.enSources) ?? '',
            ].join('\t'),
          )
          .map((line) => `${line}\n`)
          .join('')
      );
    case 'xlsx':
      return writeXlsx(
        'alignment',
        COLUMNS,
        pairs.map((p) => [
          p.zh,
          p.en,
          p.confidence,
          p.status,
          ids(p.zhIds),
          ids(p.enIds),
          describeSources(p.zhSources),
          describeSources(p.enSources),
        ]),
      );
    default:
      throw new BitextError(
        'USAGE',
        `format must be one of ${REVIEW_EXPORT_FORMATS.join(', ')}, got "${String(format)}"`,
      );
  }
}
