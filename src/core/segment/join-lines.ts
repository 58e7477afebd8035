/**
 * The lines of one paragraph joined back into its text: a PDF's lines (formats/documents/pdf.ts) and
 * a hard-wrapped plain text's (document.ts, hard-wrap.ts).
 */

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Characters written without spaces between them (CJK, and the marks Chinese text uses). */
export const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d]/u;

function mostlyChinese(text: string): boolean {
  return (text.match(HAN)?.length ?? 0) > (text.match(LATIN_LETTER)?.length ?? 0);
}

/**
 * A gloss still open at the end of a line: a Chinese character, "(" and pinyin so far, as in 協(xi
 * + é)… The rest of the syllable on the next line belongs to it, with no space.
 */
const OPEN_GLOSS = /\p{Script=Han}[(（]\p{Script=Latin}*$/u;

/**
 * The lines of one paragraph as one text. Chinese lines join without a space (CJK text has none
 * between words), English lines with one. A line ending in a hyphen inside a word is rejoined:
 * without the hyphen where it was a soft break (inter- + national), with it where the hyphen is the
 * word's own (level-II, Chengdu-Chongqing, people-to-people, COVID-19).
 */
export function joinLines(lines: readonly string[]): string {
  return joinLinesAt(lines).text;
}

/**
 * joinLines, and where each line starts in the joined text (a hyphen taken off the line before
 * does not move it). The lines come white space collapsed (pdf.ts; cleaning does it for plain
 * text), so the final collapse changes nothing they hold. `hyphens: 'kept'` reads every line-final
 * hyphen as the word's own: text wrapped by an editor or a mail program breaks lines at spaces only,
 * never inside a word (a typesetter's PDF does).
 */
export function joinLinesAt(
  lines: readonly string[],
  { hyphens = 'typeset' }: { hyphens?: 'typeset' | 'kept' } = {},
): { text: string; starts: number[] } {
  const text = lines.join('\n');
  const words = new Set(text.toLowerCase().match(/[\p{L}-]+/gu) ?? []);
  let out = '';
  const starts: number[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (i === 0 || !out) {
      out = line;
      starts.push(0);
      return;
    }
    const last = out.at(-1)!;
    const first = line[0]!;
    if (last === '\u00ad') {
      out = out.slice(0, -1) + line; // a soft hyphen is a break opportunity only, never text
    } else if (/[\p{L}\d]-$/u.test(out) && /^[\p{L}\d]/u.test(line)) {
      out = hyphens === 'kept' || keepsHyphen(out, line, words) ? out + line : out.slice(0, -1) + line;
    } else if (OPEN_GLOSS.test(out)) {
      out += line;
    } else if (CJK_CHAR.test(last) || CJK_CHAR.test(first)) {
      out += line;
    } else if (mostlyChinese(lines[i - 1]!) && !(/\p{L}/u.test(last) && /\p{L}/u.test(first))) {
      // ASCII punctuation and digits in Chinese text (4月14日,市…) join as the characters do
      out += line;
    } else {
      out += ` ${line}`;
    }
    starts.push(out.length - line.length); // each way of joining appends the line whole
  });
  const joined = out.replace(/\s+/g, ' ').trim();
  return { text: joined, starts: starts.map((at) => Math.min(at, joined.length)) };
}

/**
 * Whether a line-final hyphen between two letters is the word's own. It is where what follows
 * starts with a capital or the fragments are already compounds (level-II, people-to- + people),
 * where the part after the break is one or two letters (follow-up: hyphenation leaves at least
 * three), or where the document writes the hyphenated form elsewhere. Otherwise the break is a soft
 * one — unless the document has the hyphenated form but never the joined word. A compound of two
 * lower-case words seen nowhere else (well- + known) is joined: the cost of that rule, accepted
 * because typesetters hyphenate far more words than they break compounds at line ends.
 */
function keepsHyphen(before: string, after: string, words: ReadonlySet<string>): boolean {
  const head = /([\p{L}\d-]*?)([\p{L}\d]+)-$/u.exec(before);
  const tail = /^([\p{L}\d]+)([\p{L}\d-]*)/u.exec(after);
  if (!head || !tail) return true;
  const [, headCompound = '', headFragment = ''] = head;
  const [, tailFragment = '', tailCompound = ''] = tail;
  if (headCompound.includes('-') || tailCompound.startsWith('-')) return true;
  if (/^[\p{Lu}\d]/u.test(tailFragment) || /^\p{Lu}+$/u.test(headFragment)) return true;
  if (tailFragment.length <= 2 || headFragment.length <= 1) return true;
  const joined = `${headFragment}${tailFragment}`.toLowerCase();
  const hyphenated = `${headFragment}-${tailFragment}`.toLowerCase();
  if (words.has(hyphenated) && !words.has(joined)) return true;
  return false;
}
