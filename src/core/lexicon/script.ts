import { createRequire } from 'node:module';
import type * as OpenCcModule from 'opencc-js';
import type { Script } from '../types.js';

const require = createRequire(import.meta.url);
let openCc: typeof OpenCcModule | undefined;
/** opencc-js, loaded on first use (its one-file build), not by every module that imports this one. */
function opencc(): typeof OpenCcModule {
  openCc ??= require('opencc-js') as typeof OpenCcModule;
  return openCc;
}

// opencc-js builds its tries on first use (~58 MB); build each converter only when asked for.
let toSimplifiedConverter: ((text: string) => string) | undefined;
let toTraditionalConverter: ((text: string) => string) | undefined;

/**
 * Traditional → Simplified (OpenCC `hk`/`tw` → `cn`). Character-for-character for almost all text, so
 * offsets in the folded string point into the original; callers that rely on it check the length.
 */
export function toSimplified(text: string): string {
  toSimplifiedConverter ??= opencc().Converter({ from: 'hk', to: 'cn' });
  return toSimplifiedConverter!(text);
}

/** Simplified → Traditional (OpenCC `cn` → `tw`). Not the inverse of toSimplified (彙報 vs 匯報). */
export function toTraditional(text: string): string {
  toTraditionalConverter ??= opencc().Converter({ from: 'cn', to: 'tw' });
  return toTraditionalConverter!(text);
}

/**
 * Simplified-folded text that is guaranteed to have the same length as the input, so spans found in
 * it are spans of the input. Falls back to folding character by character when a phrase rule
 * changed the length.
 */
export function foldToSimplified(text: string): string {
  const folded = toSimplified(text);
  if (folded.length === text.length) return folded;
  let out = '';
  for (const ch of text) {
    const one = toSimplified(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/**
 * Which script Chinese text is written in: Traditional when more of its Han characters change under
 * Traditional→Simplified folding than under the reverse. Text that Simplified folding leaves
 * unchanged is Simplified without asking the reverse.
 */
export function detectScript(text: string): Script {
  const han = text.match(/\p{Script=Han}/gu)?.join('') ?? '';
  if (!han) return 'simplified';
  const simplified = toSimplified(han);
  let changedBySimplifying = 0;
  for (let i = 0; i < han.length; i++) if (simplified[i] !== han[i]) changedBySimplifying++;
  if (changedBySimplifying === 0) return 'simplified';
  const traditional = toTraditionalWithin(han);
  let changedByTraditionalising = 0;
  for (let i = 0; i < han.length; i++) if (traditional[i] !== han[i]) changedByTraditionalising++;
  return changedBySimplifying > changedByTraditionalising ? 'traditional' : 'simplified';
}

/** OpenCC's dictionary shapes (opencc-js types/core.d.ts), and a preset's conversion config. */
type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
interface OpenCcConfig {
  normalizationChain?: DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

let normalizeForTraditional: ((text: string) => string) | undefined;

/**
 * toTraditional(text), exactly (OpenCC's `cn` → `tw` chain: normalisation, segmentation by phrase,
 * then each conversion stage), with tries built only from the dictionary entries whose characters
 * all occur in the text: an entry with any other character can never match. Building the whole
 * converter (its phrase tries: 1 MB of phrases, twice) took ~0.5 s, for one question per document.
 */
function toTraditionalWithin(text: string): string {
  const config = (opencc().Locale.configs as Record<string, OpenCcConfig>).s2tw!;
  const normalize: (text: string) => string =
    normalizeForTraditional ?? opencc().ConverterFactory(...(config.normalizationChain ?? []));
  normalizeForTraditional = normalize;
  const normalized = normalize(text);
  // Each stage works on the previous stage's output, so its entries are filtered by that text.
  const trieOf = (group: DictGroup, within: string) => {
    const chars = new Set(within);
    const trie = new (opencc().Trie)();
    trie.loadDictGroup(group.map((dict: DictLike) => entriesWithin(dict, chars)));
    return trie;
  };
  const segmentation = Array.isArray(config.segmentation)
    ? (config.segmentation as DictGroup)
    : [config.segmentation as DictLike];
  let segments: string[] = trieOf(segmentation, normalized).segment(normalized);
  for (const group of config.conversionChain) {
    const trie = trieOf(group, segments.join(''));
    segments = segments.map((segment: string) => trie.convert(segment));
  }
  return segments.join('');
}

/** The entries of an OpenCC dictionary whose source is made only of the given characters. */
function entriesWithin(dict: DictLike, chars: ReadonlySet<string>): [string, string][] {
  const entries: [string, string][] = [];
  const within = (source: string) => {
    for (const ch of source) if (!chars.has(ch)) return false;
    return true;
  };
  if (typeof dict !== 'string') {
    for (const [source, target] of dict) if (within(source)) entries.push([source, target]);
    return entries;
  }
  // "source target|source target…": most sources start with a character the text lacks, so the
  // first character is tested before anything is sliced.
  for (let at = 0; at < dict.length; ) {
    let end = dict.indexOf('|', at);
    if (end < 0) end = dict.length;
    const first = dict.codePointAt(at)!;
    if (chars.has(String.fromCodePoint(first))) {
      const space = dict.indexOf(' ', at);
      const source = dict.slice(at, space);
      // OpenCC reads "source target" and keeps only the first target of a line.
      if (within(source)) entries.push([source, dict.slice(space + 1, end).split(' ')[0]!]);
    }
    at = end + 1;
  }
  return entries;
}
