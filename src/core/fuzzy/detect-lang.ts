import type { Lang } from '../types.js';

/**
 * The language of a query: Chinese when Han characters make up at least a fifth of its letters. A
 * Chinese sentence often carries Latin names and acronyms (COVID-19, WTO); an English one rarely
 * carries Han characters, so a low threshold is safe.
 */
export function detectLang(text: string): Lang {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return han > 0 && han * 5 >= han + latin ? 'zh' : 'en';
}
