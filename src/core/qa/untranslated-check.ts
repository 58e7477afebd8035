import { finding, type QaCheckFunction, type Span } from './types.js';

/**
 * Han characters, and Chinese full-width punctuation (，。、；：！？（）「」《》【】 and the rest of the
 * U+3000 block and the full-width forms), left in the English. Curly quotes are English punctuation too.
 */
const LEFT_OVER = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]+/gu;

export const checkUntranslated: QaCheckFunction = (pairs) =>
  pairs.flatMap((pair, index) => {
    const spans: Span[] = [...pair.en.matchAll(LEFT_OVER)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    if (spans.length === 0) return [];
    const han = spans.some((s) => /\p{Script=Han}/u.test(pair.en.slice(s.start, s.end)));
    const shown = spans.map((s) => pair.en.slice(s.start, s.end)).join(' ');
    return [
      finding(
        'untranslated',
        han ? 'error' : 'warning',
        index,
        pair,
        han ? `Chinese left in the English: ${shown}` : `full-width punctuation in the English: ${shown}`,
        han ? 'translate or romanise it' : 'use ASCII punctuation (, . ; : ! ? ( ))',
        { en: spans },
      ),
    ];
  });
