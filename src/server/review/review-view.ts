import type { Sentence, SentenceSource } from '../../core/types.js';
import type { AlignResult } from '../align-job.js';
import type { ReviewAlignment } from '../state/server-state.js';
import { progressOf, type ReviewBead, type ReviewSentence, sideText } from './review-model.js';

/** The beads of a fresh alignment: each sentence's text and its id as aligned. */
export function reviewBeadsOf(result: AlignResult): ReviewBead[] {
  return result.beads.map((bead) => ({
    zh: bead.zh.map((id) => reviewSentence(result.zh[id]!)),
    en: bead.en.map((id) => reviewSentence(result.en[id]!)),
    confidence: bead.confidence,
    status: 'pending',
  }));
}

function reviewSentence(sentence: Sentence): ReviewSentence {
  const { id, text, paragraph, source } = sentence;
  return source ? { text, source: id, paragraph, position: source } : { text, source: id, paragraph };
}

/** A bead as a pair: its texts, the source ids of its sentences, its confidence and status. */
export function pairOf(bead: ReviewBead, index: number) {
  return {
    bead: index,
    zh: sideText(bead, 'zh'),
    en: sideText(bead, 'en'),
    confidence: bead.confidence,
    status: bead.status,
    zhIds: bead.zh.map((s) => s.source),
    enIds: bead.en.map((s) => s.source),
    zhSources: positionsOf(bead.zh),
    enSources: positionsOf(bead.en),
  };
}

/** Where a side's sentences stand in their file; a sentence the reviewer typed in has no position. */
const positionsOf = (sentences: readonly ReviewSentence[]): SentenceSource[] =>
  sentences.flatMap((s) => (s.position ? [s.position] : []));

/** What the list of alignments shows. */
export function alignmentSummary(alignment: ReviewAlignment) {
  return {
    id: alignment.id,
    name: alignment.name,
    createdAt: alignment.createdAt,
    updatedAt: alignment.updatedAt,
    version: alignment.version,
    progress: progressOf(alignment.beads),
  };
}

/** The API's view of an alignment: the beads, the pairs, and whether undo and redo can go further. */
export function alignmentJson(alignment: ReviewAlignment) {
  return {
    ...alignmentSummary(alignment),
    format: alignment.format,
    layout: alignment.layout,
    canUndo: alignment.undo.length > 0,
    canRedo: alignment.redo.length > 0,
    beads: alignment.beads,
    pairs: alignment.beads.map(pairOf),
  };
}
