/**
 * Untranslated material bench (issue 11, part 1): raw documents built from the dev gold
 * (`bench/unpaired-documents.ts`), aligned by `alignDocument` as `bitext align` would (separate sides,
 * paragraphs, re-split into sentences), once as translated and once with lines that have no
 * counterpart inserted. Prints, for each: pair F1 (a predicted pair is right when its zh and en texts
 * are exactly a gold bead's, white space aside), the share right of the pairs with confidence ≥ 0.97,
 * and how many inserted lines ended up inside a pair.
 * `npm run bench:unpaired` (`-- --documents` for a line per document). Reads ../shared/eval in place.
 */
import { alignDocument } from '../src/core/document.js';
import { DEV_SETS, EVAL_ROOT, type GoldDocument, readDevSet } from './eval-data.js';
import { pairKey, type RawDocument, rawDocument, squeeze } from './unpaired-documents.js';

interface Tally {
  predicted: number;
  gold: number;
  right: number;
  sure: number;
  sureRight: number;
  insertedLines: number;
  insertedGlued: number;
}

const EMPTY: Tally = {
  predicted: 0,
  gold: 0,
  right: 0,
  sure: 0,
  sureRight: 0,
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
  const { pairs } = alignDocument({ zh: raw.zh, en: raw.en }, { cleaning: false });
  const tally = { ...EMPTY, gold: raw.goldPairs.size };
  const pairedTexts: string[] = [];
  for (const pair of pairs) {
    const right = raw.goldPairs.has(pairKey(pair.zh, pair.en));
    tally.predicted++;
    if (right) tally.right++;
    if (pair.confidence >= SURE) {
      tally.sure++;
      if (right) tally.sureRight++;
    }
    pairedTexts.push(squeeze(pair.zh), squeeze(pair.en));
  }
  const paired = pairedTexts.join('\u0000');
  for (const line of [...raw.inserted.zh, ...raw.inserted.en]) {
    tally.insertedLines++;
    if (paired.includes(line)) tally.insertedGlued++;
  }
  return tally;
}

export function f1(t: Tally): number {
  const precision = t.predicted ? t.right / t.predicted : 0;
  const recall = t.gold ? t.right / t.gold : 0;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function line(label: string, t: Tally): string {
  const sure = t.sure ? (t.sureRight / t.sure).toFixed(4) : '–';
  const glued = t.insertedLines ? `  inserted lines in a pair ${t.insertedGlued}/${t.insertedLines}` : '';
  return `${label.padEnd(26)} pair F1 ${f1(t).toFixed(4)}  pairs ≥ ${SURE}: ${String(t.sure).padStart(5)}, right ${sure}${glued}`;
}

/** Sentences of every other document, the pool inserted material is taken from. */
function othersOf(all: readonly GoldDocument[], document: GoldDocument) {
  const rest = all.filter((d) => d !== document);
  return { zh: rest.flatMap((d) => d.zh), en: rest.flatMap((d) => d.en) };
}

async function main(): Promise<void> {
  const perDocument = process.argv.includes('--documents');
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
  let totals = { clean: EMPTY, inserted: EMPTY };
  for (const [name, documents] of sets) {
    let clean = EMPTY;
    let inserted = EMPTY;
    documents.forEach((document, index) => {
      const seed = 1000 + index + name.length * 97;
      const others = othersOf(all, document);
      const c = tallyDocument(rawDocument(document, others, { insert: false, seed }));
      const i = tallyDocument(rawDocument(document, others, { insert: true, seed }));
      if (perDocument) {
        console.log(line(`${name}/${document.name} clean`, c));
        console.log(line(`${name}/${document.name} inserted`, i));
      }
      clean = add(clean, c);
      inserted = add(inserted, i);
    });
    console.log(line(`${name} clean`, clean));
    console.log(line(`${name} inserted`, inserted));
    totals = { clean: add(totals.clean, clean), inserted: add(totals.inserted, inserted) };
  }
  console.log(line('all clean', totals.clean));
  console.log(line('all inserted', totals.inserted));
  console.log(
    `F1 drop with inserted lines: ${(f1(totals.clean) - f1(totals.inserted)).toFixed(4)} (target ≤ 0.01)`,
  );
}

await main();
