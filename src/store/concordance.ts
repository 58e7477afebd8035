import { escapeRegExp } from '../core/escape-regexp.js';
import { foldHan } from '../core/fuzzy/normalize.js';
import type { Lang } from '../core/types.js';

/**
 * Where `term` occurs in `text`, compared the way the TM compares (Traditional folded to Simplified,
 * full-width ASCII as ASCII, case and runs of white space ignored), as a span of the original text.
 * Every step here keeps the length of the text, so an offset found in the folded form is an offset
 * of the original. Undefined when absent.
 */
export function findTerm(text: string, term: string, lang: Lang): { start: number; end: number } | undefined {
  const needle = foldForSearch(term.trim(), lang).replace(/ +/g, ' ');
  if (!needle) return undefined;
  const haystack = foldForSearch(text, lang);
  // White space in the needle matches any run of white space in the text.
  const pattern = new RegExp(needle.split(' ').map(escapeRegExp).join(' +'), 'u');
  const found = pattern.exec(haystack);
  return found ? { start: found.index, end: found.index + found[0].length } : undefined;
}

function foldForSearch(text: string, lang: Lang): string {
  let out = text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  out = out.replace(/\s/g, ' ');
  if (lang === 'zh') out = foldHan(out);
  const lower = out.toLowerCase();
  return lower.length === out.length ? lower : out;
}
