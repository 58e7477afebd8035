/** Character classes the splitters share. Tests on single UTF-16 units: all these are in the BMP. */

/** Closing quotes and brackets that stay with the sentence they close. */
export const CLOSERS = new Set([...'”’」』）》】〕〗〉»›)]}']);
/** Opening quotes and brackets that may stand before a sentence's first word. */
export const OPENERS = new Set([...'“‘「『（《【〔〖〈«‹([{"\'']);
/** Sentence-final marks of Chinese (and Japanese) text: they end a sentence with or without a space. */
export const CJK_STOPS = new Set([...'。！？｡']);
export const CJK_STOP_IN = /[。！？｡]/;

export function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

export function isLower(c: string | undefined): boolean {
  return c !== undefined && /\p{Ll}/u.test(c);
}

export function isUpper(c: string | undefined): boolean {
  return c !== undefined && /\p{Lu}/u.test(c);
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** A Latin letter or digit (ASCII, Latin-1 and Latin Extended letters, full-width ones). */
export function isLatinOrDigit(c: string | undefined): boolean {
  return c !== undefined && /[\p{Script=Latin}0-9０-９]/u.test(c);
}

/** A Han character (a high surrogate stands for the supplementary-plane ones), kana, or CJK punctuation. */
export function isCjk(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0xd840 && code <= 0xd87e)
  );
}

/**
 * A straight quote after a sentence mark closes the quotation when what follows it is a space, the
 * end, or more closing marks (`said "Go." Then` and, in tokenised text, `it . " Then`); before a letter it
 * opens the next sentence.
 */
export function straightQuoteCloses(text: string, index: number): boolean {
  const next = text[index + 1];
  return next === undefined || isSpace(next) || CLOSERS.has(next) || next === '"' || next === "'";
}

/** End of the closing marks that start at `index`. */
export function skipClosers(text: string, index: number): number {
  let i = index;
  for (;;) {
    const c = text[i];
    if (c === undefined) return i;
    if (CLOSERS.has(c)) i++;
    else if ((c === '"' || c === "'") && straightQuoteCloses(text, i)) i++;
    else return i;
  }
}

export function skipSpaces(text: string, index: number): number {
  let i = index;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/** First character at or after `index` that is not an opening quote or bracket. */
export function skipOpeners(text: string, index: number): number {
  let i = index;
  while (i < text.length && OPENERS.has(text[i]!)) i++;
  return i;
}
