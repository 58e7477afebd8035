import type { AddedDocument } from '../../app/tm.js';
import type { TmAddResult, TmConcordanceHit, TmDocument, TmMatch } from '../../store/tm-store.js';

// How `bitext tm` shows its results as text (JSON is the results themselves).

export function describeAdd(
  name: string,
  result: TmAddResult & Partial<Pick<AddedDocument, 'otherVersions'>>,
): string {
  if (result.alreadyPresent) return `${name}: already in the TM, nothing added\n`;
  const skipped = result.skipped ? `, ${result.skipped} skipped (a side empty)` : '';
  const replaced = result.replaced ? `; replaced an earlier version (${result.replaced} units removed)` : '';
  let line = `${name}: ${result.read} read, ${result.added} added, ${result.duplicates} duplicates${skipped}${replaced}\n`;
  const others = result.otherVersions ?? [];
  if (others.length > 0) {
    line += `${name}: the TM also holds another version of it (id ${others.map((d) => d.id).join(', ')}); use --replace to replace it\n`;
  }
  return line;
}

/** A match as JSON; a unit with inline codes also gives them, at offsets of zh and en, to restore them. */
export function matchJson(match: TmMatch) {
  const { zhCodes, enCodes } = match.unit;
  return {
    score: match.score,
    zh: match.unit.zh,
    en: match.unit.en,
    ...(zhCodes ? { zhCodes } : {}),
    ...(enCodes ? { enCodes } : {}),
    numbers: match.numbers,
    unit: match.unit,
  };
}

/** Characters of context shown either side of a concordance hit. */
const CONTEXT = 40;

export function hitJson(hit: TmConcordanceHit) {
  const text = hit.lang === 'zh' ? hit.unit.zh : hit.unit.en;
  return {
    lang: hit.lang,
    before: text.slice(Math.max(0, hit.start - CONTEXT), hit.start),
    hit: text.slice(hit.start, hit.end),
    after: text.slice(hit.end, hit.end + CONTEXT),
    start: hit.start,
    end: hit.end,
    zh: hit.unit.zh,
    en: hit.unit.en,
    unit: hit.unit,
  };
}

export function describeHit(hit: TmConcordanceHit, tty: boolean): string {
  const parts = hitJson(hit);
  const [open, close] = tty ? ['\u001b[1;33m', '\u001b[0m'] : ['«', '»'];
  const before = (hit.start > CONTEXT ? '…' : '') + parts.before;
  const text = hit.lang === 'zh' ? hit.unit.zh : hit.unit.en;
  const after = parts.after + (hit.end + CONTEXT < text.length ? '…' : '');
  const other = hit.lang === 'zh' ? hit.unit.en : hit.unit.zh;
  return `${hit.lang}  ${before}${open}${parts.hit}${close}${after}\n    ${other}\n`;
}

/** `tm documents` as an aligned table: id, units, date added, kind, name. */
export function describeDocuments(documents: readonly TmDocument[]): string {
  if (documents.length === 0) return 'no documents\n';
  const idWidth = Math.max(2, ...documents.map((d) => String(d.id).length));
  const unitWidth = Math.max(5, ...documents.map((d) => String(d.units).length));
  const header = `${'id'.padStart(idWidth)}  ${'units'.padStart(unitWidth)}  added                    kind        name\n`;
  return (
    header +
    documents
      .map(
        (d) =>
          `${String(d.id).padStart(idWidth)}  ${String(d.units).padStart(unitWidth)}  ${d.addedAt.slice(0, 19).replace('T', ' ')} UTC  ${d.kind.padEnd(10)}  ${d.name}\n`,
      )
      .join('')
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
