import { BitextError } from '../errors.js';

/** A bead as id lists, as in `.align` files (`[0,1]:[2]`). */
export interface IdBead {
  zh: readonly number[];
  en: readonly number[];
}

/** Counts behind the strict and lax scores; add them over documents before dividing. */
export interface AlignmentCounts {
  predicted: number;
  gold: number;
  /** Predicted beads whose exact (zh ids, en ids) form a gold bead. */
  strictCorrect: number;
  /** Predicted beads sharing at least one zh–en link with a gold bead. */
  laxCorrect: number;
  /** Gold beads sharing at least one zh–en link with a predicted bead. */
  laxGoldFound: number;
}

export interface AlignmentScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Compares predicted beads with gold beads. Strict (aligner-eval `utils/eval.py`): a predicted bead
 * is correct only if exactly the same zh-id set and en-id set form a gold bead; 1-0 and 0-1 beads
 * count on both sides. Lax: a bead is correct if it shares at least one zh–en link (a zh id and an
 * en id aligned in both); beads with an empty side are lax-correct when they match exactly.
 */
export function countAlignment(predicted: readonly IdBead[], gold: readonly IdBead[]): AlignmentCounts {
  const goldKeys = new Set(gold.map(beadKey));
  const goldLinks = linkSet(gold);
  const predictedLinks = linkSet(predicted);
  let strictCorrect = 0;
  let laxCorrect = 0;
  for (const bead of predicted) {
    const exact = goldKeys.has(beadKey(bead));
    if (exact) strictCorrect++;
    if (exact || sharesLink(bead, goldLinks)) laxCorrect++;
  }
  const predictedKeys = new Set(predicted.map(beadKey));
  let laxGoldFound = 0;
  for (const bead of gold) {
    if (predictedKeys.has(beadKey(bead)) || sharesLink(bead, predictedLinks)) laxGoldFound++;
  }
  return { predicted: predicted.length, gold: gold.length, strictCorrect, laxCorrect, laxGoldFound };
}

export function addCounts(a: AlignmentCounts, b: AlignmentCounts): AlignmentCounts {
  return {
    predicted: a.predicted + b.predicted,
    gold: a.gold + b.gold,
    strictCorrect: a.strictCorrect + b.strictCorrect,
    laxCorrect: a.laxCorrect + b.laxCorrect,
    laxGoldFound: a.laxGoldFound + b.laxGoldFound,
  };
}

export const NO_COUNTS: AlignmentCounts = {
  predicted: 0,
  gold: 0,
  strictCorrect: 0,
  laxCorrect: 0,
  laxGoldFound: 0,
};

export function strictScore(counts: AlignmentCounts): AlignmentScore {
  return score(counts.strictCorrect, counts.predicted, counts.strictCorrect, counts.gold);
}

export function laxScore(counts: AlignmentCounts): AlignmentScore {
  return score(counts.laxCorrect, counts.predicted, counts.laxGoldFound, counts.gold);
}

function score(pCorrect: number, predicted: number, rCorrect: number, gold: number): AlignmentScore {
  const precision = predicted === 0 ? 0 : pCorrect / predicted;
  const recall = gold === 0 ? 0 : rCorrect / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A bead's identity for strict comparison: its zh ids and en ids. */
export function beadKey(bead: IdBead): string {
  return `${bead.zh.join(',')}:${bead.en.join(',')}`;
}

function linkSet(beads: readonly IdBead[]): Set<string> {
  const links = new Set<string>();
  for (const bead of beads) for (const z of bead.zh) for (const e of bead.en) links.add(`${z}-${e}`);
  return links;
}

function sharesLink(bead: IdBead, links: Set<string>): boolean {
  for (const z of bead.zh) for (const e of bead.en) if (links.has(`${z}-${e}`)) return true;
  return false;
}

const ALIGN_LINE = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/;

/**
 * Parses a `.align` file: one bead per line, `[zh ids]:[en ids]` with 0-based ids (`[0,1]:[2]`,
 * `[5]:[]`). Blank lines are skipped. Throws BitextError `BAD_ALIGN_LINE` naming the line.
 */
export function parseAlignFile(text: string, file?: string): IdBead[] {
  const beads: IdBead[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const match = ALIGN_LINE.exec(line);
    if (!match) {
      throw new BitextError(
        'BAD_ALIGN_LINE',
        `expected a bead like [0,1]:[2], found "${line.slice(0, 60)}"`,
        {
          file,
          line: index + 1,
          column: 1,
        },
      );
    }
    beads.push({ zh: parseIds(match[1]!), en: parseIds(match[2]!) });
  }
  return beads;
}

function parseIds(list: string): number[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
}

/** One bead in `.align` notation. */
export function formatAlignLine(bead: IdBead): string {
  return `[${bead.zh.join(',')}]:[${bead.en.join(',')}]`;
}
