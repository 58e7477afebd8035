import { escapeRegExp } from '../escape-regexp.js';
import { foldToSimplified } from '../lexicon/script.js';
import { type Finding, finding, type QaCheckFunction, type QaTerm, type Span } from './types.js';

/**
 * Termbase compliance: when a term's Chinese occurs, one of its preferred or admitted translations must
 * occur in the English, and none of its forbidden ones (error). A missing translation is a warning
 * when the termbase prefers one; when it only admits some (what `terms --save` stores), it is info:
 * an admitted rendering is allowed, not required (a story says "Trinket" or "he").
 *
 * Only the longest entry is checked where entries overlap: 中国梦 ↔ Chinese Dream, not 中国 ↔ China
 * inside it.
 */
export const checkTerms: QaCheckFunction = (pairs, options) => {
  const byZh = groupByChinese(options.termbase ?? []);
  if (byZh.size === 0) return [];
  const findings: Finding[] = [];
  pairs.forEach((pair, index) => {
    if (!pair.zh.trim() || !pair.en.trim()) return;
    const zhFolded = foldToSimplified(pair.zh);
    const spansByKey = longestOccurrences(zhFolded, byZh.keys());
    for (const [zhKey, terms] of byZh) {
      const zhSpans = spansByKey.get(zhKey) ?? [];
      if (zhSpans.length === 0) continue;
      const zhText = pair.zh.slice(zhSpans[0]!.start, zhSpans[0]!.end);
      const allowed = terms.filter((t) => t.status !== 'forbidden');
      const forbidden = terms.filter((t) => t.status === 'forbidden');
      for (const term of forbidden) {
        const enSpans = englishOccurrences(pair.en, term.en);
        if (enSpans.length === 0) continue;
        findings.push(
          finding(
            'term',
            'error',
            index,
            pair,
            `${zhText} is translated "${term.en}", which the termbase forbids`,
            allowed.length ? `use "${allowed[0]!.en}"` : 'choose another translation',
            { zh: zhSpans, en: enSpans },
            'term-forbidden',
          ),
        );
      }
      if (allowed.length > 0 && !allowed.some((t) => englishOccurrences(pair.en, t.en).length > 0)) {
        const preferred = allowed.find((t) => t.status === 'preferred') ?? allowed[0]!;
        findings.push(
          finding(
            'term',
            preferred.status === 'preferred' ? 'warning' : 'info',
            index,
            pair,
            `${zhText} should be translated "${preferred.en}" (termbase)`,
            `use "${preferred.en}"${
              allowed.length > 1
                ? ` or ${allowed
                    .slice(1)
                    .map((t) => `"${t.en}"`)
                    .join(', ')}`
                : ''
            }`,
            { zh: zhSpans },
            'term-missing',
          ),
        );
      }
    }
  });
  return findings;
};

function groupByChinese(termbase: readonly QaTerm[]): Map<string, QaTerm[]> {
  const groups = new Map<string, QaTerm[]>();
  for (const term of termbase) {
    const key = foldToSimplified(term.zh.trim());
    if (!key || !term.en.trim()) continue;
    const group = groups.get(key) ?? [];
    group.push(term);
    groups.set(key, group);
  }
  return groups;
}

/**
 * Where each termbase entry occurs in a sentence, the longest entries first: an occurrence inside one
 * of a longer entry is not the shorter entry's.
 */
function longestOccurrences(text: string, keys: Iterable<string>): Map<string, Span[]> {
  const taken: Span[] = [];
  const found = new Map<string, Span[]>();
  for (const key of [...keys].sort((a, b) => b.length - a.length)) {
    const spans = occurrences(text, key).filter(
      (span) => !taken.some((t) => span.start < t.end && t.start < span.end),
    );
    if (spans.length === 0) continue;
    found.set(key, spans);
    taken.push(...spans);
  }
  return found;
}

function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    spans.push({ start: at, end: at + needle.length });
  }
  return spans;
}

/** Case-insensitive, whole words, any run of spaces or a hyphen between words, plural -s allowed. */
function englishOccurrences(en: string, term: string): Span[] {
  const words = term
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?:s|es)?(?![\\p{L}\\p{N}])`, 'giu');
  return [...en.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
