import type { Bead } from '../../core/types.js';
import type { SentenceTexts } from '../align-job.js';
import type { Aligner } from '../align-pool.js';
import type { ReviewBead, ReviewSentence } from './review-model.js';

// After an edit the aligner re-scores the whole bead path (a bead's posterior depends on its
// neighbours), and on request re-aligns what lies between the beads the reviewer confirmed. Both run
// on the aligner's worker threads, over the sentences as they now read, in bead order.

/** The sentences of both sides in bead order, as the aligner takes them, and the beads as ids into them. */
function flatten(beads: readonly ReviewBead[]) {
  const zh: ReviewSentence[] = [];
  const en: ReviewSentence[] = [];
  const ids = beads.map((bead) => ({
    zh: bead.zh.map((s) => zh.push(s) - 1),
    en: bead.en.map((s) => en.push(s) - 1),
  }));
  const paragraphs = (side: ReviewSentence[]) =>
    side.every((s) => s.paragraph !== undefined) ? side.map((s) => s.paragraph!) : undefined;
  const texts: SentenceTexts = {
    zh: zh.map((s) => s.text),
    en: en.map((s) => s.text),
    ...(paragraphs(zh) ? { zhParagraphs: paragraphs(zh) } : {}),
    ...(paragraphs(en) ? { enParagraphs: paragraphs(en) } : {}),
  };
  return { zh, en, ids, texts };
}

/** True when the beads hold different sentences or texts than before (a status change is not one). */
export function reshaped(before: readonly ReviewBead[], after: readonly ReviewBead[]): boolean {
  const shape = (beads: readonly ReviewBead[]) =>
    JSON.stringify(beads.map((b) => [b.zh.map((s) => s.text), b.en.map((s) => s.text)]));
  return shape(before) !== shape(after);
}

/** The beads with each one's confidence re-scored on the path as it now is. */
export async function rescore(aligner: Aligner, beads: ReviewBead[]): Promise<ReviewBead[]> {
  const { ids, texts } = flatten(beads);
  if (texts.zh.length === 0 || texts.en.length === 0) return beads;
  const confidences = await aligner.score({ kind: 'score', beads: ids, ...texts });
  return beads.map((bead, k) => ({ ...bead, confidence: confidences[k] ?? null }));
}

/**
 * Re-aligns between the confirmed beads, which stay as they are (and confirmed); every other bead
 * comes back pending with the aligner's confidence.
 */
export async function realignBetweenConfirmed(aligner: Aligner, beads: ReviewBead[]): Promise<ReviewBead[]> {
  const { zh, en, ids, texts } = flatten(beads);
  if (texts.zh.length === 0 || texts.en.length === 0) return beads;
  const fixed = ids.filter((_, k) => beads[k]!.status === 'confirmed');
  const confirmed = new Set(fixed.map((b) => JSON.stringify(b)));
  const aligned: Bead[] = await aligner.realign({ kind: 'realign', fixed, ...texts });
  return aligned.map((bead) => ({
    zh: bead.zh.map((id) => zh[id]!),
    en: bead.en.map((id) => en[id]!),
    confidence: bead.confidence,
    status: confirmed.has(JSON.stringify({ zh: bead.zh, en: bead.en })) ? 'confirmed' : 'pending',
  }));
}
