// The alignment a reviewer works on: beads of sentence texts, each with its status. Pure data, no
// node:* imports, so the operations can be applied and tested anywhere.

import type { SentenceSource } from '../../core/types.js';

/** A sentence of one side, with the id it had in the aligner's output (kept through edits, for export). */
export interface ReviewSentence {
  text: string;
  /** The 0-based sentence id on its side as aligned; null for one the reviewer typed in. */
  source: number | null;
  /** The 0-based paragraph it came from on its side, when known: the UI draws paragraph breaks. */
  paragraph?: number;
  /** Where it stands in its file (line, page, sheet cell…), as the document reader said; exports carry it. */
  position?: SentenceSource;
}

export type BeadStatus = 'pending' | 'confirmed';

export interface ReviewBead {
  zh: ReviewSentence[];
  en: ReviewSentence[];
  /**
   * The aligner's posterior for this bead: as aligned, then re-scored after each edit (rescore.ts);
   * null between an operation and its re-scoring, or when a side of the document is empty.
   */
  confidence: number | null;
  status: BeadStatus;
}

export type Side = 'zh' | 'en';

/** Below this confidence a bead is risky. Pairs under 0.7 were right about 57% of the time on mac-dev (docs/accuracy.md). */
export const LOW_CONFIDENCE = 0.7;

/** Low confidence, unscored, or not 1:1: what the UI marks. */
export function isUnsure(bead: ReviewBead): boolean {
  return (
    bead.confidence === null ||
    bead.confidence < LOW_CONFIDENCE ||
    bead.zh.length !== 1 ||
    bead.en.length !== 1
  );
}

/** "37 of 52 confirmed". */
export function progressOf(beads: readonly ReviewBead[]): { confirmed: number; total: number } {
  return { confirmed: beads.filter((b) => b.status === 'confirmed').length, total: beads.length };
}

/** The text of one side of a bead, as a pair writes it: Chinese sentences joined directly, English ones with a space. */
export function sideText(bead: ReviewBead, side: Side): string {
  return bead[side].map((s) => s.text).join(side === 'zh' ? '' : ' ');
}

/**
 * The bead the "next risky" key goes to after `from`: the next unconfirmed bead that is unsure,
 * else the next unconfirmed one (wrapping round); -1 when every bead is confirmed.
 */
export function nextRisky(beads: readonly ReviewBead[], from: number): number {
  const order = beads.map((_, k) => (from + 1 + k) % beads.length);
  const open = order.filter((i) => beads[i]!.status !== 'confirmed');
  return open.find((i) => isUnsure(beads[i]!)) ?? open[0] ?? -1;
}
