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
  private started = false;

  append(text: string): void {
    if (text === '') return;
    if (this.pending !== undefined) {
      text = this.resolveGap(text);
      this.pending = undefined;
    }
    this.out += text;
    this.started = true;
  }

  /** A code was dropped here; `space` when it stood for white space (tab, line break). */
  gap(kind: 'space' | 'none'): void {
    if (this.pending !== 'space') this.pending = kind;
  }

  /** The text; a gap at either end leaves no white space there. */
  finish(): string {
    if (this.pending !== undefined) this.out = this.out.replace(/\s+$/u, '');
    this.pending = undefined;
    return this.out;
  }

  private resolveGap(next: string): string {
    if (!this.started) return next.replace(/^\s+/u, '');
    const before = this.out.at(-1)!;
    const after = next[0]!;
    const spaceBefore = /\s/u.test(before);
    if (spaceBefore && /\s/u.test(after)) return next.replace(/^\s+/u, '');
    if (spaceBefore && CLOSING.test(after)) {
      this.out = this.out.replace(/\s+$/u, '');
      return next;
    }
    if (
      this.pending === 'space' &&
      !spaceBefore &&
      !/\s/u.test(after) &&
      !HAN.test(before) &&
      !HAN.test(after)
    )
      return ` ${next}`;
    return next;
  }
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
