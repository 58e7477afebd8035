/**
 * Untranslated material bench (issue 11, part 1): raw documents built from the dev gold
 * (`bench/unpaired-documents.ts`), aligned by `alignDocument` as `bitext align` would (separate sides,
 * paragraphs, re-split into sentences; then again laid out a sentence per line), once as translated
 * and once with lines that have no counterpart inserted. Prints, for each: pair F1, the share right of the pairs with confidence
 * ≥ 0.97, and how many inserted lines ended up inside a pair. A predicted pair is right when its zh and
 * en texts are exactly a gold bead's, or when the sentence splitter cut a gold bead finer than the gold
 * did and the predicted pairs inside it tile it exactly on both sides (each is then a right part of
 * it); a gold bead is found when it is predicted or tiled so. "Exact" figures count only the first kind.
 * `npm run bench:unpaired` (`-- --documents` for a line per document). Reads ../shared/eval in place.
 */
import { alignDocument } from '../src/core/document.js';
import { DEV_SETS, EVAL_ROOT, type GoldDocument, readDevSet } from './eval-data.js';
import { type GoldSpan, type RawDocument, rawDocument, squeeze } from './unpaired-documents.js';

interface Tally {
  predicted: number;
  gold: number;
  found: number;
  /** Predicted pairs that are exactly a gold bead. */
  exact: number;
  right: number;
  sure: number;
  sureRight: number;
  sureExact: number;
  insertedLines: number;
  insertedGlued: number;
}

const EMPTY: Tally = {
  predicted: 0,
  gold: 0,
  found: 0,
  exact: 0,
  right: 0,
  sure: 0,
  sureRight: 0,
  sureExact: 0,
  insertedLines: 0,
  insertedGlued: 0,
};

function add(a: Tally, b: Tally): Tally {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof Tally)[]) out[key] += b[key];
  return out;
}

export const SURE = 0.97;

/** Aligns one raw document and tallies its pairs against the gold. */
export function tallyDocument(raw: RawDocument): Tally {
  const aligned = alignDocument({ zh: raw.zh, en: raw.en }, { cleaning: false });
  const zhOffsets = offsets(
    aligned.zh.map((s) => s.text),
    raw.zh,
  );
  const enOffsets = offsets(
    aligned.en.map((s) => s.text),
    raw.en,
  );
  const predicted = aligned.pairs.map((pair) => ({
    pair,
    span: {
      zhStart: zhOffsets[pair.zhIds[0]!]!,
      zhEnd: zhOffsets[pair.zhIds.at(-1)! + 1]!,
      enStart: enOffsets[pair.enIds[0]!]!,
      enEnd: enOffsets[pair.enIds.at(-1)! + 1]!,
    },
  }));
  // Each predicted pair against the gold bead that holds it on both sides, if one does.
  const gold = [...raw.goldBeads].sort((a, b) => a.zhStart - b.zhStart);
  const inside = new Map<GoldSpan, typeof predicted>();
  const exactly = new Set<object>();
  for (const p of predicted) {
    const g = holder(gold, p.span);
    if (
      g &&
      g.zhStart === p.span.zhStart &&
      g.zhEnd === p.span.zhEnd &&
      g.enStart === p.span.enStart &&
      g.enEnd === p.span.enEnd
    )
      exactly.add(p);
    if (g) inside.set(g, [...(inside.get(g) ?? []), p]);
  }
  const right = new Set<object>();
  let found = 0;
  for (const [g, parts] of inside) {
    const zh = parts.reduce((n, p) => n + p.span.zhEnd - p.span.zhStart, 0);
    const en = parts.reduce((n, p) => n + p.span.enEnd - p.span.enStart, 0);
    if (zh !== g.zhEnd - g.zhStart || en !== g.enEnd - g.enStart) continue;
    found++;
    for (const p of parts) right.add(p);
  }
  const tally = { ...EMPTY, gold: raw.goldBeads.length, found, exact: exactly.size };
  const pairedTexts: string[] = [];
  for (const p of predicted) {
    tally.predicted++;
    if (right.has(p)) tally.right++;
    if (p.pair.confidence >= SURE) {
      tally.sure++;
      if (right.has(p)) tally.sureRight++;
      if (exactly.has(p)) tally.sureExact++;
    }
    pairedTexts.push(squeeze(p.pair.zh), squeeze(p.pair.en));
  }
  const paired = pairedTexts.join('\u0000');
  for (const line of [...raw.inserted.zh, ...raw.inserted.en]) {
    tally.insertedLines++;
    if (paired.includes(line)) tally.insertedGlued++;
  }
  return tally;
}

/** Offsets of each sentence in the side's text with white space removed (and the end). */
function offsets(sentences: readonly string[], text: string): number[] {
  const out = [0];
  for (const s of sentences) out.push(out.at(-1)! + squeeze(s).length);
  if (out.at(-1) !== squeeze(text).length) throw new Error('the sentences do not tile the text');
  return out;
}

/** The gold bead whose spans hold `span` on both sides (gold sorted by zhStart). */
function holder(gold: readonly GoldSpan[], span: GoldSpan): GoldSpan | undefined {
  let lo = 0;
  let hi = gold.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (gold[mid]!.zhStart <= span.zhStart) lo = mid;
    else hi = mid - 1;
  }
  const g = gold[lo];
  return g &&
    g.zhStart <= span.zhStart &&
    span.zhEnd <= g.zhEnd &&
    g.enStart <= span.enStart &&
    span.enEnd <= g.enEnd
    ? g
    : undefined;
}

/** F1 counting only predicted pairs that are exactly a gold bead. */
export function exactF1(t: Tally): number {
  return f1({ ...t, right: t.exact, found: t.exact });
}

export function f1(t: Tally): number {
  const precision = t.predicted ? t.right / t.predicted : 0;
  const recall = t.gold ? t.found / t.gold : 0;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function line(label: string, t: Tally): string {
  const sure = t.sure
    ? `${(t.sureRight / t.sure).toFixed(4)} (exact ${(t.sureExact / t.sure).toFixed(4)})`
    : '–';
  const glued = t.insertedLines ? `  inserted lines in a pair ${t.insertedGlued}/${t.insertedLines}` : '';
  return `${label.padEnd(26)} pair F1 ${f1(t).toFixed(4)} (exact pairs only ${exactF1(t).toFixed(4)})  pairs ≥ ${SURE}: ${String(t.sure).padStart(5)}, right ${sure}${glued}`;
}

/** Sentences of every other document, the pool inserted material is taken from. */
/**
 * Paragraphs as a page has them; a sentence per line, where every line is its own paragraph; and
 * each side laid out its own way (a Chinese page in paragraphs against an English file of a line a
 * sentence, as a sentence splitter leaves it, and the other way round), where the paragraphs of one
 * side have no counterpart in the other's.
 */
const LAYOUTS = [
  { layout: 'paragraphs', zhLines: false, enLines: false },
  { layout: 'sentence per line', zhLines: true, enLines: true },
  { layout: 'Chinese in paragraphs, English a sentence per line', zhLines: false, enLines: true },
  { layout: 'Chinese a sentence per line, English in paragraphs', zhLines: true, enLines: false },
];

/**
 * The raw document with each side laid out as asked. Both layouts of a document hold the same text
 * but for white space (the same seed inserts the same lines at the same places), so the gold spans,
 * counted without white space, are the same.
 */
function laidOut(
  document: GoldDocument,
  others: { zh: readonly string[]; en: readonly string[] },
  options: { insert: boolean; seed: number },
  zhLines: boolean,
  enLines: boolean,
): RawDocument {
  const zhSide = rawDocument(document, others, { ...options, linePerSentence: zhLines });
  if (zhLines === enLines) return zhSide;
  const enSide = rawDocument(document, others, { ...options, linePerSentence: enLines });
  return { ...zhSide, en: enSide.en };
}

function othersOf(all: readonly GoldDocument[], document: GoldDocument) {
  const rest = all.filter((d) => d !== document);
  return { zh: rest.flatMap((d) => d.zh), en: rest.flatMap((d) => d.en) };
}

async function main(): Promise<void> {
  const perDocument = process.argv.includes('--documents');
  const summary = process.argv.includes('--summary');
  const sets: Array<[string, GoldDocument[]]> = [];
  for (const name of DEV_SETS) {
    const documents = await readDevSet(name);
    if (documents) sets.push([name, documents]);
  }
  if (sets.length === 0) {
    console.log(`unpaired-bench: skipped, no evaluation data at ${EVAL_ROOT}`);
    return;
  }
  const all = sets.flatMap(([, documents]) => documents);
  for (const { layout, zhLines, enLines } of LAYOUTS) {
    let totals = { clean: EMPTY, inserted: EMPTY };
    for (const [name, documents] of sets) {
      let clean = EMPTY;
      let inserted = EMPTY;
      documents.forEach((document, index) => {
        const seed = 1000 + index + name.length * 97;
        const others = othersOf(all, document);
        const raw = (insert: boolean) => laidOut(document, others, { insert, seed }, zhLines, enLines);
        const c = tallyDocument(raw(false));
        const i = tallyDocument(raw(true));
        if (perDocument) {
          console.log(line(`${name}/${document.name} clean`, c));
          console.log(line(`${name}/${document.name} inserted`, i));
        }
        clean = add(clean, c);
        inserted = add(inserted, i);
      });
      if (!summary) {
        console.log(line(`${name} clean`, clean));
        console.log(line(`${name} inserted`, inserted));
      }
      totals = { clean: add(totals.clean, clean), inserted: add(totals.inserted, inserted) };
    }
    console.log(`${layout}:`);
    console.log(line('all clean', totals.clean));
    console.log(line('all inserted', totals.inserted));
    console.log(
      `F1 drop with inserted lines: ${(f1(totals.clean) - f1(totals.inserted)).toFixed(4)} (target ≤ 0.01)`,
    );
  }
}

if (process.argv[1]?.endsWith('unpaired-bench.ts')) await main();
