import { closeLetterSpacing, composeUnicode, normalizeSpaces, removeControls } from './characters.js';
import type { EditList } from './edits.js';
import { stripPinyinGlosses } from './pinyin-glosses.js';

export { type Edit, type EditList, OffsetMap } from './edits.js';

/** Which cleaning steps run; every step is on unless set to `false`. */
export interface CleaningOptions {
  /** 協(xié) → 協: leaked pinyin readings after Han characters. */
  pinyinGlosses?: boolean;
  /** Unicode NFC. */
  unicode?: boolean;
  /** Remove C0/C1 controls (keep \n and \t; CR becomes \n), zero-width and bidi-format chars, BOMs. */
  controls?: boolean;
  /** Unicode spaces → ' ', runs of blanks → one space, blanks at line ends removed, letter-spaced Chinese closed up (中 国 → 中国). */
  spaces?: boolean;
}

/** How many changes each step made. */
export interface CleaningReport {
  pinyinGlosses: number;
  unicode: number;
  controls: number;
  spaces: number;
}

export function emptyReport(): CleaningReport {
  return { pinyinGlosses: 0, unicode: 0, controls: 0, spaces: 0 };
}

export function addReports(a: CleaningReport, b: CleaningReport): CleaningReport {
  return {
    pinyinGlosses: a.pinyinGlosses + b.pinyinGlosses,
    unicode: a.unicode + b.unicode,
    controls: a.controls + b.controls,
    spaces: a.spaces + b.spaces,
  };
}

/**
 * Cleans text for alignment. Line breaks are never added or removed (CRLF and lone CR become LF), so
 * paragraphs keep their line numbers; cleaning twice gives the same text as cleaning once.
 * Order matters: controls first (a zero-width space between 協 and (xié) would hide the gloss), then
 * NFC (a gloss typed with combining tone marks composes), then spaces, then glosses.
 */
export function cleanText(
  text: string,
  options: CleaningOptions = {},
  edits?: EditList[],
): { text: string; report: CleaningReport } {
  const report = emptyReport();
  let out = text;
  // Each step's replacements, in order, when the caller asks where the cleaned text came from.
  const record = (): EditList => {
    const step: EditList = [];
    edits?.push(step);
    return step;
  };
  if (options.controls !== false) {
    const step = removeControls(out, record());
    out = step.text;
    report.controls = step.count;
  }
  if (options.unicode !== false) {
    const step = composeUnicode(out, record());
    out = step.text;
    report.unicode = step.count;
  }
  if (options.spaces !== false) {
    const step = normalizeSpaces(out, record());
    out = step.text;
    const letters = closeLetterSpacing(out, record());
    out = letters.text;
    report.spaces = step.count + letters.count;
  }
  if (options.pinyinGlosses !== false) {
    const step = stripPinyinGlosses(out, record());
    out = step.text;
    report.pinyinGlosses = step.count;
  }
  return { text: out, report };
}
