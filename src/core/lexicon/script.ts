import { createRequire } from 'node:module';
import type * as OpenCcModule from 'opencc-js';
import type { Script } from '../types.js';
import { openSortedDataFile } from './data-file.js';
import {
  buildOpenCcTables,
  type OpenCcConfig,
  StagedConverter,
  stagePlan,
  stagesIn,
} from './opencc-tables.js';

const require = createRequire(import.meta.url);

interface Converters {
  toSimplified: StagedConverter;
  toTraditional: StagedConverter;
  /** cn → tw character by character (no phrases): enough to tell which script a text is in. */
  toTraditionalCharacters: StagedConverter;
}

let converters: Converters | undefined;

/**
 * The two conversions, from the prebuilt tables (data/opencc.txt, the same path from src/ and
 * dist/); a checkout that has not run `npm run build` builds the same tables in memory from opencc-js.
 */
function openCc(): Converters {
  if (converters) return converters;
  const table = openSortedDataFile('opencc.txt', buildOpenCcTablesFromOpenCcJs, (header) => {
    const stages = stagesIn(header);
    return stages?.h !== undefined && stages.t !== undefined && stages.c !== undefined;
  });
  const plan = stagePlan(table);
  converters = {
    toSimplified: new StagedConverter(table, plan.h!),
    toTraditional: new StagedConverter(table, plan.t!),
    toTraditionalCharacters: new StagedConverter(table, plan.c!),
  };
  return converters;
}

/**
 * The tables' text from opencc-js: its `hk2s` config (what `Converter({ from: 'hk', to: 'cn' })`
 * uses) as stages `h`, `s2tw` (`cn` → `tw`) as stages `t`, and its one-character entries as `c`.
 */
export function buildOpenCcTablesFromOpenCcJs(): string {
  const { Locale } = require('opencc-js') as typeof OpenCcModule;
  const configs = Locale.configs as unknown as Record<string, OpenCcConfig>;
  return buildOpenCcTables({ h: configs.hk2s!, t: configs.s2tw!, c: configs.s2tw! }, new Set(['c']));
}

/**
 * Traditional → Simplified (OpenCC `hk`/`tw` → `cn`). Character-for-character for almost all text, so
 * offsets in the folded string point into the original; callers that rely on it check the length.
 */
export function toSimplified(text: string): string {
  return openCc().toSimplified.convert(text);
}

/** Simplified → Traditional (OpenCC `cn` → `tw`). Not the inverse of toSimplified (彙報 vs 匯報). */
export function toTraditional(text: string): string {
  return openCc().toTraditional.convert(text);
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
 * Traditional→Simplified folding than under the reverse, character by character (the reverse's
 * phrase tables, 100,000 entries, cost more to read than the question is worth). Text that
 * Simplified folding leaves unchanged is Simplified without asking the reverse.
 */
export function detectScript(text: string): Script {
  const han = text.match(/\p{Script=Han}/gu)?.join('') ?? '';
  if (!han) return 'simplified';
  const simplified = toSimplified(han);
  let changedBySimplifying = 0;
  for (let i = 0; i < han.length; i++) if (simplified[i] !== han[i]) changedBySimplifying++;
  if (changedBySimplifying === 0) return 'simplified';
  const traditional = openCc().toTraditionalCharacters.convert(han);
  let changedByTraditionalising = 0;
  for (let i = 0; i < han.length; i++) if (traditional[i] !== han[i]) changedByTraditionalising++;
  return changedBySimplifying > changedByTraditionalising ? 'traditional' : 'simplified';
}
