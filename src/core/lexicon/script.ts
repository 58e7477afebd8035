import * as OpenCC from 'opencc-js';
import type { Script } from '../types.js';

// opencc-js builds its tries on first use (~58 MB); build each converter only when asked for.
let toSimplifiedConverter: ((text: string) => string) | undefined;
let toTraditionalConverter: ((text: string) => string) | undefined;

/**
 * Traditional → Simplified (OpenCC `hk`/`tw` → `cn`). Character-for-character for almost all text, so
 * offsets in the folded string point into the original; callers that rely on it check the length.
 */
export function toSimplified(text: string): string {
  toSimplifiedConverter ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return toSimplifiedConverter!(text);
}

/** Simplified → Traditional (OpenCC `cn` → `tw`). Not the inverse of toSimplified (彙報 vs 匯報). */
export function toTraditional(text: string): string {
  toTraditionalConverter ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
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
 * Traditional→Simplified folding than under the reverse.
 */
export function detectScript(text: string): Script {
  const han = text.match(/\p{Script=Han}/gu)?.join('') ?? '';
  if (!han) return 'simplified';
  const simplified = toSimplified(han);
  const traditional = toTraditional(han);
  let changedBySimplifying = 0;
  let changedByTraditionalising = 0;
  for (let i = 0; i < han.length; i++) {
    if (simplified[i] !== han[i]) changedBySimplifying++;
    if (traditional[i] !== han[i]) changedByTraditionalising++;
  }
  return changedBySimplifying > changedByTraditionalising ? 'traditional' : 'simplified';
}
