/**
 * A segment's text with its inline codes taken out (TMX ph/bpt/ept/it/ut, XLIFF x/bx/ex/ph/sc/ec):
 * the TM stores plain text, so where a code stood must neither glue two words nor leave two spaces.
 * Each dropped code leaves a gap, resolved against the text on either side when the segment ends:
 * - a code that stood for white space (`<ph>\t</ph>`, a line-break code) becomes one space between
 *   two letters, and nothing next to Chinese, which has no spaces between words;
 * - any other code (a placeholder, a bold start) becomes nothing, so "Hello<bpt/>world" stays one word;
 * - white space on both sides of a gap is kept once, and white space left before closing
 *   punctuation ("the variable <ph/>.") is dropped, as at either end of the segment.
 */
export class FlatText {
  private out = '';
  // The kind of the gap(s) waiting for the next text: 'space' wins over 'none'.
  private pending: 'space' | 'none' | undefined;
  // Kept codes (anchor): their offsets move back when white space before them is dropped, and the
  // white space the text leaves out around them is noted on them, so a writer can put it back.
  private anchors: Anchored[] = [];
  // The anchors since the text last grew: the codes of the gap being resolved, in order.
  private gapAnchors: Anchored[] = [];

  /**
   * Sets `item.at` to the current end of the text, where a code (or the start or end of a `<hi>`)
   * stands. The offset stays right when white space is later dropped there, and the item is given
   * the white space dropped next to it (`spaceBefore`, `spaceAfter`) or told that the space after it
   * stands for it (`textSpace`).
   */
  anchor<T extends Anchored>(item: T): T {
    item.at = this.out.length;
    this.anchors.push(item);
    this.gapAnchors.push(item);
    return item;
  }

  append(text: string): void {
    if (text === '') return;
    if (this.pending !== undefined) {
      text = this.resolveGap(text);
      // Only white space came, and the gap dropped it: the gap still waits for text, so white space
      // split over several pieces (a gap, ' ', ' ') is resolved as one.
      if (text === '') return;
      this.pending = undefined;
    }
    this.out += text;
    this.gapAnchors = [];
  }

  /** A code was dropped here; `space` when it stood for white space (tab, line break). */
  gap(kind: 'space' | 'none'): void {
    if (this.pending !== 'space') this.pending = kind;
  }

  /** The text; a gap at either end leaves no white space there. */
  finish(): string {
    if (this.pending !== undefined) this.trimEnd();
    this.pending = undefined;
    return this.out;
  }

  /**
   * Drops the white space at the end of the text; each code it stood before is given its share (the
   * white space between it and the code before), so the codes move back to the new end.
   */
  private trimEnd(): void {
    const old = this.out;
    this.out = old.replace(/\s+$/u, '');
    let from = this.out.length;
    for (const a of this.anchors) {
      if (a.at <= this.out.length) continue;
      if (a.at > from) {
        a.spaceBefore = old.slice(from, a.at) + (a.spaceBefore ?? '');
        from = a.at;
      }
      a.at = this.out.length;
    }
  }

  /** Drops the white space `next` starts with, after the gap's codes (noted on the last of them). */
  private trimStart(next: string): string {
    const trimmed = next.replace(/^\s+/u, '');
    const last = this.gapAnchors.at(-1);
    if (last && trimmed.length < next.length)
      last.spaceAfter = (last.spaceAfter ?? '') + next.slice(0, next.length - trimmed.length);
    return trimmed;
  }

  private resolveGap(next: string): string {
    // Nothing output yet (white space after a gap at the start is dropped, so text may have come and
    // gone): a gap here is at the start of the segment, and leaves no white space.
    if (this.out === '') return this.trimStart(next);
    const before = this.out.at(-1)!;
    const after = next[0]!;
    const spaceBefore = /\s/u.test(before);
    if (spaceBefore && /\s/u.test(after)) return this.trimStart(next);
    if (spaceBefore && CLOSING.test(after)) {
      this.trimEnd();
      return next;
    }
    if (
      this.pending === 'space' &&
      !spaceBefore &&
      !/\s/u.test(after) &&
      !HAN.test(before) &&
      !HAN.test(after)
    ) {
      const last = this.gapAnchors.at(-1);
      if (last) last.textSpace = true;
      return ` ${next}`;
    }
    return next;
  }
}

/** What FlatText notes on a kept code (see InlineCode, which has these fields). */
export interface Anchored {
  at: number;
  spaceBefore?: string;
  spaceAfter?: string;
  textSpace?: boolean;
}

const CLOSING = /^[.,;:!?)\]}。，、；：！？）」』]/u;
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Whether a code stands for white space: its native content is only white space (`<ph>\t</ph>`) or a
 * line break (`<br/>`, `\n`), or its type says so (TMX `type="lb"`, XLIFF 1.2 `ctype="lb"`, XLIFF 2.0
 * `subType="xlf:lb"`, and the tab and page/column break kinds tools add).
 */
export function codeKind(content: string, type: string | undefined): 'space' | 'none' {
  if (type !== undefined && /(?:^|[-:])(?:lb|pb|cb|tab|linebreak)$/i.test(type)) return 'space';
  if (content !== '' && /^(?:\s|\\[nrt]|<br\s*\/?>|\\line)+$/iu.test(content)) return 'space';
  return 'none';
}
