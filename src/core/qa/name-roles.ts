import { foldToSimplified } from '../lexicon/script.js';

/**
 * Titles that press copy puts next to names, with their usual English renderings. Used to see which
 * person a title belongs to on each side (秘书长袁智兵 vs "Wang Guangcheng, Secretary General").
 */
export const TITLES: Record<string, readonly string[]> = {
  秘书长: ['Secretary General', 'Secretary-General'],
  副秘书长: ['Deputy Secretary General', 'Deputy Secretary-General'],
  会长: ['President', 'Chairman', 'Chairperson'],
  副会长: ['Vice President', 'Vice Chairman', 'Vice-President'],
  主席: ['Chairman', 'President', 'Chairperson', 'Chair'],
  副主席: ['Vice Chairman', 'Vice President', 'Vice-Chairman'],
  主任: ['Director'],
  副主任: ['Deputy Director'],
  书记: ['Secretary'],
  副书记: ['Deputy Secretary'],
  市长: ['Mayor'],
  副市长: ['Vice Mayor', 'Deputy Mayor'],
  省长: ['Governor'],
  部长: ['Minister'],
  副部长: ['Vice Minister', 'Deputy Minister'],
  总理: ['Premier', 'Prime Minister'],
  大使: ['Ambassador'],
  总经理: ['General Manager'],
  董事长: ['Chairman'],
  局长: ['Director'],
  院长: ['President', 'Dean'],
  校长: ['President', 'Principal'],
};

/** The titles written right before or right after a name in Chinese (秘书长袁智兵, 袁智兵秘书长). */
export function chineseTitlesAround(zh: string, start: number, end: number): string[] {
  const folded = foldToSimplified(zh);
  const before = folded.slice(Math.max(0, start - 5), start);
  const after = folded.slice(end, end + 5);
  const found: string[] = [];
  for (const title of Object.keys(TITLES)) {
    // The longest title wins: 副秘书长 is not also 秘书长.
    if (before.endsWith(title) && !found.some((t) => t.endsWith(title))) found.push(title);
    else if (after.startsWith(title) && !found.some((t) => t.startsWith(title))) found.push(title);
  }
  return found.filter(
    (t) => !found.some((other) => other !== t && other.endsWith(t) && other.length > t.length),
  );
}

/**
 * Whether the English attaches `title` to the person at [start, end): "Secretary General Yuan Zhibing",
 * "Yuan Zhibing, Secretary General of …", "Yuan Zhibing, the Secretary General".
 */
export function englishTitleAttached(en: string, start: number, end: number, title: string): boolean {
  const renderings = TITLES[title] ?? [];
  const before = en.slice(Math.max(0, start - 40), start);
  const after = en.slice(end, end + 60);
  return renderings.some((rendering) => {
    const pattern = rendering.replace(/[-\s]/g, '[-\\s]');
    return (
      new RegExp(`\\b${pattern}\\s+$`, 'i').test(before) ||
      new RegExp(`^\\s*,\\s*(?:the\\s+)?${pattern}\\b`, 'i').test(after)
    );
  });
}
