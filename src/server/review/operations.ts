import { BitextError } from '../../core/errors.js';
import type { ReviewBead, ReviewSentence, Side } from './review-model.js';

// InterText's set of editing operations on an alignment (Vondřička, "Aligning parallel texts with
// InterText", LREC 2014): each takes the beads and returns new ones, never changing its input, so
// the history keeps every earlier state as it was. A bead an operation touches loses its confidence
// (the aligner never scored its new shape) and its confirmation.

export type ReviewOperation =
  /** Move the first sentence of `side` of bead `bead` to the end of the bead before. */
  | { op: 'shift'; bead: number; side: Side }
  /** Move the last sentence of `side` of bead `bead` to the start of the bead after. */
  | { op: 'pop'; bead: number; side: Side }
  /** Merge bead `bead` with the next one. */
  | { op: 'merge'; bead: number }
  /** Split a bead after its first sentence on each side (or after `zhAt`/`enAt` sentences). */
  | { op: 'split'; bead: number; zhAt?: number; enAt?: number }
  /** Give the bead's Chinese and English a bead each: a 1-0 and a 0-1 bead (an empty counterpart each). */
  | { op: 'insert-empty'; bead: number }
  /** Exchange the English of bead `bead` and of the next bead. */
  | { op: 'swap'; bead: number }
  /** Replace the text of sentence `sentence` (index within the bead's side). */
  | { op: 'edit'; bead: number; side: Side; sentence: number; text: string }
  /** Cut a sentence in two at UTF-16 offset `at`. */
  | { op: 'split-sentence'; bead: number; side: Side; sentence: number; at: number }
  /** Join sentence `sentence` with the one after it in the same bead and side. */
  | { op: 'join-sentences'; bead: number; side: Side; sentence: number }
  | { op: 'confirm'; bead: number }
  | { op: 'unconfirm'; bead: number }
  /** Confirm bead `bead` and every bead above it. */
  | { op: 'confirm-above'; bead: number }
  | { op: 'confirm-all' };

export const OPERATION_NAMES = [
  'shift',
  'pop',
  'merge',
  'split',
  'insert-empty',
  'swap',
  'edit',
  'split-sentence',
  'join-sentences',
  'confirm',
  'unconfirm',
  'confirm-above',
  'confirm-all',
] as const;

function refuse(message: string): never {
  throw new BitextError('REVIEW_BAD_OPERATION', message);
}

function changed(zh: ReviewSentence[], en: ReviewSentence[]): ReviewBead {
  return { zh, en, confidence: null, status: 'pending' };
}

function beadAt(beads: readonly ReviewBead[], index: number, what = 'bead'): ReviewBead {
  if (!Number.isInteger(index) || index < 0 || index >= beads.length)
    refuse(`${what} ${index} does not exist (the alignment has beads 0 to ${beads.length - 1})`);
  return beads[index]!;
}

function sentenceAt(bead: ReviewBead, side: Side, index: number): ReviewSentence {
  if (side !== 'zh' && side !== 'en') refuse(`side must be "zh" or "en", got ${JSON.stringify(side)}`);
  if (!Number.isInteger(index) || index < 0 || index >= bead[side].length)
    refuse(`sentence ${index} does not exist on the ${side} side of this bead (it has ${bead[side].length})`);
  return bead[side][index]!;
}

/** Drops beads with no sentence on either side: an operation may empty one. */
function withoutEmpty(beads: ReviewBead[]): ReviewBead[] {
  return beads.filter((b) => b.zh.length + b.en.length > 0);
}

/** The beads after `operation`; a BitextError (REVIEW_BAD_OPERATION) when it cannot apply. */
export function applyOperation(beads: readonly ReviewBead[], operation: ReviewOperation): ReviewBead[] {
  const next = beads.slice();
  switch (operation.op) {
    case 'shift': {
      const bead = beadAt(beads, operation.bead);
      const side = operation.side;
      sentenceAt(bead, side, 0);
      if (operation.bead === 0) refuse('the first bead has no bead above to shift into');
      const above = beads[operation.bead - 1]!;
      const [first, ...rest] = bead[side];
      next[operation.bead - 1] = changed(
        side === 'zh' ? [...above.zh, first!] : above.zh,
        side === 'en' ? [...above.en, first!] : above.en,
      );
      next[operation.bead] = changed(side === 'zh' ? rest : bead.zh, side === 'en' ? rest : bead.en);
      return withoutEmpty(next);
    }
    case 'pop': {
      const bead = beadAt(beads, operation.bead);
      const side = operation.side;
      const last = sentenceAt(bead, side, bead[side].length - 1);
      const rest = bead[side].slice(0, -1);
      next[operation.bead] = changed(side === 'zh' ? rest : bead.zh, side === 'en' ? rest : bead.en);
      if (operation.bead === beads.length - 1) {
        // The last bead pops into a new bead of its own.
        next.push(changed(side === 'zh' ? [last] : [], side === 'en' ? [last] : []));
      } else {
        const below = beads[operation.bead + 1]!;
        next[operation.bead + 1] = changed(
          side === 'zh' ? [last, ...below.zh] : below.zh,
          side === 'en' ? [last, ...below.en] : below.en,
        );
      }
      return withoutEmpty(next);
    }
    case 'merge': {
      const bead = beadAt(beads, operation.bead);
      const below = beadAt(beads, operation.bead + 1, 'the bead after bead');
      next.splice(operation.bead, 2, changed([...bead.zh, ...below.zh], [...bead.en, ...below.en]));
      return next;
    }
    case 'split': {
      const bead = beadAt(beads, operation.bead);
      const zhAt = operation.zhAt ?? Math.min(1, bead.zh.length);
      const enAt = operation.enAt ?? Math.min(1, bead.en.length);
      for (const [side, at] of [
        ['zh', zhAt],
        ['en', enAt],
      ] as const) {
        if (!Number.isInteger(at) || at < 0 || at > bead[side].length)
          refuse(`${side}At must be from 0 to ${bead[side].length}, got ${at}`);
      }
      if (zhAt + enAt === 0 || zhAt + enAt === bead.zh.length + bead.en.length)
        refuse('this split would leave one bead empty: a bead needs two sentences to split');
      next.splice(
        operation.bead,
        1,
        changed(bead.zh.slice(0, zhAt), bead.en.slice(0, enAt)),
        changed(bead.zh.slice(zhAt), bead.en.slice(enAt)),
      );
      return next;
    }
    case 'insert-empty': {
      const bead = beadAt(beads, operation.bead);
      if (bead.zh.length === 0 || bead.en.length === 0) refuse('this bead already has an empty side');
      next.splice(operation.bead, 1, changed(bead.zh, []), changed([], bead.en));
      return next;
    }
    case 'swap': {
      const bead = beadAt(beads, operation.bead);
      const below = beadAt(beads, operation.bead + 1, 'the bead after bead');
      next[operation.bead] = changed(bead.zh, below.en);
      next[operation.bead + 1] = changed(below.zh, bead.en);
      return withoutEmpty(next);
    }
    case 'edit': {
      const bead = beadAt(beads, operation.bead);
      const sentence = sentenceAt(bead, operation.side, operation.sentence);
      if (typeof operation.text !== 'string' || operation.text.trim() === '')
        refuse('the new text is empty: delete a sentence by joining it, not by emptying it');
      const side = bead[operation.side].slice();
      side[operation.sentence] = { ...sentence, text: operation.text };
      next[operation.bead] = { ...changed(bead.zh, bead.en), [operation.side]: side };
      return next;
    }
    case 'split-sentence': {
      const bead = beadAt(beads, operation.bead);
      const sentence = sentenceAt(bead, operation.side, operation.sentence);
      const at = operation.at;
      if (!Number.isInteger(at) || at <= 0 || at >= sentence.text.length)
        refuse(
          `a sentence of ${sentence.text.length} characters splits at 1 to ${sentence.text.length - 1}, not ${at}`,
        );
      const head = sentence.text.slice(0, at).trim();
      const tail = sentence.text.slice(at).trim();
      if (!head || !tail) refuse('the split would leave an empty sentence');
      const side = bead[operation.side].slice();
      side.splice(operation.sentence, 1, { ...sentence, text: head }, { ...sentence, text: tail });
      next[operation.bead] = { ...changed(bead.zh, bead.en), [operation.side]: side };
      return next;
    }
    case 'join-sentences': {
      const bead = beadAt(beads, operation.bead);
      const first = sentenceAt(bead, operation.side, operation.sentence);
      const second = sentenceAt(bead, operation.side, operation.sentence + 1);
      const glue = operation.side === 'zh' ? '' : ' ';
      const side = bead[operation.side].slice();
      side.splice(operation.sentence, 2, { text: first.text + glue + second.text, source: first.source });
      next[operation.bead] = { ...changed(bead.zh, bead.en), [operation.side]: side };
      return next;
    }
    case 'confirm':
    case 'unconfirm': {
      const bead = beadAt(beads, operation.bead);
      next[operation.bead] = { ...bead, status: operation.op === 'confirm' ? 'confirmed' : 'pending' };
      return next;
    }
    case 'confirm-above': {
      beadAt(beads, operation.bead);
      return beads.map((b, i) => (i <= operation.bead ? { ...b, status: 'confirmed' } : b));
    }
    case 'confirm-all':
      return beads.map((b) => ({ ...b, status: 'confirmed' }));
    default:
      return refuse(
        `unknown operation ${JSON.stringify((operation as { op?: unknown }).op)}; one of ${OPERATION_NAMES.join(', ')}`,
      );
  }
}
