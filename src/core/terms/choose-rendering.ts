import { escapeRegExp } from '../escape-regexp.js';
import { personNameToPinyin } from '../lexicon/pinyin.js';
import { foldToSimplified } from '../lexicon/script.js';
import type { TermPair } from './types.js';

/**
 * Share of the shorter rendering's pairs a longer rendering holding it must come in to be taken as the
 * whole unit: 温泉 ↔ "thermal springs" (7 pairs) over "springs" (7), 千比特秒 ↔ "kilobits per second" (3)
 * over "kilobits" (4). Set by hand on the dev sets.
 */
const WHOLE_SHARE = 0.75;

/**
 * One English rendering per Chinese term (competitive linking, Melamed 2000): the best-scored one,
 * unless a longer rendering holds it and comes with the Chinese nearly as often (the whole unit), or
 * the Chinese is a person's name and one rendering spells it all (沙瑞山 ↔ "Sha Ruishan", though the
 * story mostly says "Sha").
 */
export function keepBestPerChinese(terms: readonly TermPair[]): TermPair[] {
  const groups = new Map<string, TermPair[]>();
  for (const term of terms) {
    const zh = foldToSimplified(term.zh);
    (groups.get(zh) ?? groups.set(zh, []).get(zh)!).push(term);
  }
  const chosen = new Set<TermPair>();
  for (const [zh, group] of groups) {
    let best = group[0]!;
    const fullName = best.kind === 'person' ? personNameToPinyin(zh).toLowerCase() : undefined;
    const spelled = fullName && group.find((t) => t.en.toLowerCase() === fullName);
    if (spelled) best = spelled;
    else if (fullName && cutShort(best.en, fullName)) continue;
    else {
      for (const other of group) {
        if (
          other.en.length > best.en.length &&
          holdsWords(other.en, best.en) &&
          other.count >= WHOLE_SHARE * best.count
        )
          best = other;
      }
    }
    chosen.add(best);
  }
  return terms.filter((term) => chosen.has(term));
}

/**
 * Whether a person's English spells only the start of the name the name-finder read (周瑞家 ↔ "Zhou
 * Rui": 周瑞家的 is Zhou Rui's wife), and nowhere all of it: the name or its English is cut short.
 */
function cutShort(en: string, fullName: string): boolean {
  const spelled = en.toLowerCase().replace(/[^a-z]/g, '');
  const full = fullName.replace(/[^a-z]/g, '');
  return spelled.length < full.length && full.startsWith(spelled);
}

/** Whether a phrase holds another as a run of whole words, case aside. */
function holdsWords(longer: string, shorter: string): boolean {
  const escaped = escapeRegExp(shorter.toLowerCase());
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(longer.toLowerCase());
}
