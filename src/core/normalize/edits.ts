// Where cleaned text came from. Cleaning deletes and replaces short spans (a control character, a
// run of blanks, a pinyin gloss, a decomposed accent); each step records its replacements, so an
// offset in the cleaned text can be taken back to the text as read, exactly, for a review tool to
// highlight a sentence where the file has it.

/** One replacement a step made: `removed` characters at `at` (in the step's input) became `inserted` ones. */
export interface Edit {
  at: number;
  removed: number;
  inserted: number;
}

/** A step's replacements in order, none overlapping (what String.replace with a global pattern makes). */
export type EditList = Edit[];

/**
 * `text.replace(pattern, replace)` for a global pattern, recording each replacement that changed
 * something in `edits`.
 */
export function replaceRecorded(
  text: string,
  pattern: RegExp,
  replace: (match: string, offset: number, whole: string) => string,
  edits: EditList,
): string {
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    // The offset is the argument after the groups, then the whole string (no named groups here).
    const offset = rest[rest.length - 2] as number;
    const replacement = replace(match, offset, text);
    if (replacement !== match)
      edits.push({ at: offset, removed: match.length, inserted: replacement.length });
    return replacement;
  });
}

/**
 * Takes offsets in a text made by steps of edits back to the text the first step was given.
 * `steps` are in the order they ran. A start offset inside a replacement goes to the start of what
 * was replaced, an end offset to its end, so a span never loses part of what it covered; at a pure
 * deletion, a start goes after the deleted text and an end before it (a sentence does not take in a
 * gloss or control character stripped next to it).
 */
export class OffsetMap {
  private readonly steps: Array<{ edits: EditList; outputAt: Int32Array }>;

  constructor(steps: readonly EditList[]) {
    this.steps = steps
      .filter((edits) => edits.length > 0)
      .map((edits) => {
        // Where each edit's replacement starts in the step's output.
        const outputAt = new Int32Array(edits.length);
        let shift = 0;
        edits.forEach((edit, i) => {
          outputAt[i] = edit.at + shift;
          shift += edit.inserted - edit.removed;
        });
        return { edits, outputAt };
      });
  }

  /** Whether the text is unchanged: every offset maps to itself. */
  get identity(): boolean {
    return this.steps.length === 0;
  }

  /** The offset in the original text of `offset` in the cleaned text, as a span's start or end. */
  toSource(offset: number, side: 'start' | 'end'): number {
    let at = offset;
    for (let s = this.steps.length - 1; s >= 0; s--) at = mapStep(this.steps[s]!, at, side);
    return at;
  }
}

function mapStep(
  step: { edits: EditList; outputAt: Int32Array },
  offset: number,
  side: 'start' | 'end',
): number {
  const { edits, outputAt } = step;
  // The last edit that the offset is at or after: for a start, one whose replacement starts at or
  // before it; for an end, strictly before it (an edit starting where a span ends is after the span).
  let low = 0;
  let high = edits.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (outputAt[mid]! < offset || (side === 'start' && outputAt[mid]! === offset)) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0) return offset;
  const edit = edits[found]!;
  const start = outputAt[found]!;
  const end = start + edit.inserted;
  if (offset < end || (offset === end && edit.inserted === 0 && side === 'start')) {
    // Inside the replacement (or a start at a deletion): its start, or for an end, its end.
    return side === 'start'
      ? edit.inserted === 0
        ? edit.at + edit.removed
        : edit.at
      : edit.at + edit.removed;
  }
  return offset - end + edit.at + edit.removed;
}
