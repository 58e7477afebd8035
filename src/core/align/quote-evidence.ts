import { boundaryAgreementCost } from './boundary-agreement.js';
import { countAgreementCost } from './count-agreement.js';
import type { RangeBead, RangeCost } from './search.js';

/**
 * Dialogue evidence: whether the text is inside a quotation at the end of each sentence. A
 * translator keeps a character's speech together, so at a true bead boundary both sides are
 * usually in the same state (both inside an open quotation, or both outside); a boundary that
 * cuts the English inside a quotation while the Chinese has closed its ” is probably misplaced.
 * The state is a nesting depth carried over the sentences (see `statesOf`).
 */
export interface QuoteStates {
  /**
   * zhTurns[i]: zh sentence i begins a speech: its first quotation mark opens one while none is
   * open, or the sentence starts with an opening mark (a new paragraph of dialogue, even where a
   * misread mark left a quotation open).
   */
  zhTurns: Uint8Array;
  enTurns: Uint8Array;
  /**
   * zhOpens[i]: zh sentence i opens with a quotation mark (the boundary before it is the start of
   * a speech); zhOpens[count] = 0, the end of the text.
   */
  zhOpens: Uint8Array;
  enOpens: Uint8Array;
  /**
   * zh[i]: where the text stands after zh sentence i − 1 (zh[0] = 0, the start of the text):
   * INSIDE a quotation, at a SPEECH_END (the sentence closed a quotation and ended with it), or
   * 0, after narration (no quotation, or a dialogue tag after the speech: 'Fine,' he said.).
   */
  zh: Uint8Array;
  en: Uint8Array;
}

/** A quotation mark read from a sentence: opening or closing, and its family (marks that pair up). */
interface Mark {
  opening: boolean;
  family: string;
  /**
   * An opening mark at the start of the sentence or after a colon or comma, where speech begins
   * (他说：“…”, he said, 'Hello'); a mark after a word quotes a term (the “文革”, the 'stake').
   */
  introducesSpeech?: boolean;
  atStart?: boolean;
  /** A closing mark with nothing after it but punctuation: the sentence ends with the speech. */
  endsSentence?: boolean;
}

const ZH_MARKS: ReadonlyMap<string, Mark> = new Map([
  ['“', { opening: true, family: '“' }],
  ['”', { opening: false, family: '“' }],
  ['‘', { opening: true, family: '‘' }],
  ['’', { opening: false, family: '‘' }],
  ['「', { opening: true, family: '「' }],
  ['」', { opening: false, family: '「' }],
  ['『', { opening: true, family: '『' }],
  ['』', { opening: false, family: '『' }],
]);

/** The characters of ZH_MARKS (each one UTF-16 unit), found without reading every other character. */
const ZH_MARK_CHARS = /[“”‘’「」『』]/g;

function chineseMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const { 0: ch, index: k } of text.matchAll(ZH_MARK_CHARS)) {
    const mark = ZH_MARKS.get(ch)!;
    marks.push(
      mark.opening
        ? { ...mark, ...speechContext(text.slice(0, k)) }
        : { ...mark, endsSentence: endsSentence(text.slice(k + 1)) },
    );
  }
  return marks;
}

const EN_FAMILY: Readonly<Record<string, string>> = {
  "'": "'",
  '‘': "'",
  '’': "'",
  '"': '"',
  '“': '"',
  '”': '"',
};
/** The characters of EN_FAMILY, found without reading every other character. */
const EN_MARK_CHARS = /['‘’"“”]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PUNCTUATION = /[.,!?;:…—–\-)]/u;

/**
 * Straight quotes are ambiguous, so a mark is read by its neighbours: after a space (or at the
 * start) and before a non-space it opens; at the end, or after a letter or punctuation and before
 * a space or punctuation, it closes (if nothing of its family is open it is an apostrophe, as in
 * "boys' ", and is dropped later); inside a word (you've) it is neither. “ and ‘ always open, ” closes.
 */
function englishMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  const trimmed = text.trim();
  for (const { 0: ch, index: k } of trimmed.matchAll(EN_MARK_CHARS)) {
    const family = EN_FAMILY[ch]!;
    if (ch === '“' || ch === '‘') {
      marks.push({ opening: true, family, ...speechContext(trimmed.slice(0, k)) });
      continue;
    }
    const before = k > 0 ? trimmed[k - 1]! : ' ';
    const after = k + 1 < trimmed.length ? trimmed[k + 1]! : ' ';
    const beforeSpace = /\s/u.test(before) || before === '(' || before === '—';
    const afterSpace = /\s/u.test(after);
    if (ch !== '”' && ch !== '’' && beforeSpace && !afterSpace && k < trimmed.length - 1) {
      marks.push({ opening: true, family, ...speechContext(trimmed.slice(0, k)) });
    } else if (
      k === trimmed.length - 1 ||
      ch === '”' ||
      ((LETTER_OR_DIGIT.test(before) || PUNCTUATION.test(before)) && (afterSpace || PUNCTUATION.test(after)))
    ) {
      marks.push({ opening: false, family, endsSentence: endsSentence(trimmed.slice(k + 1)) });
    }
  }
  return marks;
}

/** Nothing after a closing mark but punctuation and space: the sentence ends with the speech. */
function endsSentence(after: string): boolean {
  return !/[\p{L}\p{N}"'“‘「『]/u.test(after);
}

/** Where an opening mark stands, given the text before it. */
function speechContext(before: string): { introducesSpeech: boolean; atStart: boolean } {
  const atStart = /^[\s"'“‘「『]*$/u.test(before);
  return { introducesSpeech: atStart || /[:：,，]\s*$/u.test(before), atStart };
}

/** Boundary classes of QuoteStates.zh / .en (0 is after narration). */
export const INSIDE = 1;
export const SPEECH_END = 2;

/** Open quotations nest at most this deep (“…‘…’…”); a deeper opening replaces the innermost. */
const MAX_DEPTH = 2;

/**
 * Open quotations after each sentence, as a stack carried over the sentences. An opening mark of a
 * family already open restarts the quotation there (a speech running over paragraphs reopens at
 * each one without closing the last, and a doubled mark is a typo); a closing mark closes its
 * family and anything opened inside it, and is ignored when its family is not open.
 */
function statesOf(
  sentences: readonly string[],
  readMarks: (text: string) => Mark[],
): { states: Uint8Array; turns: Uint8Array; opens: Uint8Array } {
  const states = new Uint8Array(sentences.length + 1);
  const turns = new Uint8Array(sentences.length);
  const opens = new Uint8Array(sentences.length + 1);
  const open: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const marks = readMarks(sentences[i]!);
    if (marks[0]?.opening && marks[0].atStart) opens[i] = 1;
    for (const mark of marks) {
      if (mark.opening && mark.introducesSpeech && (open.length === 0 || mark.atStart)) turns[i] = 1;
      const at = open.lastIndexOf(mark.family);
      if (at >= 0) open.length = at;
      if (mark.opening) {
        if (open.length === MAX_DEPTH) open.pop();
        open.push(mark.family);
      }
    }
    const last = marks[marks.length - 1];
    states[i + 1] = open.length > 0 ? INSIDE : last && !last.opening && last.endsSentence ? SPEECH_END : 0;
  }
  return { states, turns, opens };
}

export function quoteStates(zh: readonly string[], en: readonly string[]): QuoteStates {
  const zhSide = statesOf(zh, chineseMarks);
  const enSide = statesOf(en, englishMarks);
  return {
    zh: zhSide.states,
    en: enSide.states,
    zhTurns: zhSide.turns,
    enTurns: enSide.turns,
    zhOpens: zhSide.opens,
    enOpens: enSide.opens,
  };
}

/**
 * Cost of the boundary after each bead: a boundary that leaves one side inside a quotation and the
 * other outside, or ends one side with a speech and the other with narration (“好。” against
 * 'Fine,' he said. — the tag 他说。 belongs to this bead), weighed by how well the document's
 * quotation marks match (see boundaryAgreementCost).
 */
export function quoteBoundaryCost(
  states: QuoteStates,
  firstPass: readonly RangeBead[],
  weight: number,
): RangeCost {
  return boundaryAgreementCost(states.zh, states.en, firstPass, weight);
}

/**
 * Cost of a bead boundary where the next sentence opens with a quotation mark on one side only:
 * a translator starts a line of dialogue where the original starts one, so the bead after a
 * boundary begins with speech on both sides or on neither (after 他问道。 ‖ “是我。”, the English
 * 'It's me.' begins the next bead, not the end of 'Who?' he asked.). The same per-document
 * calibration as the quotation class (boundaryAgreementCost); unlike the speech-turn count it
 * looks at where a bead begins, not how many speeches it holds.
 */
export function speechStartCost(
  states: QuoteStates,
  firstPass: readonly RangeBead[],
  weight: number,
): RangeCost {
  return boundaryAgreementCost(states.zhOpens, states.enOpens, firstPass, weight);
}

/**
 * Cost of a bead whose sides begin different numbers of speeches (a reply joined to the line before
 * it), calibrated on the first pass (see countAgreementCost).
 */
export function speechTurnCost(
  states: QuoteStates,
  firstPass: readonly RangeBead[],
  weight: number,
): RangeCost {
  return countAgreementCost(states.zhTurns, states.enTurns, firstPass, weight);
}
