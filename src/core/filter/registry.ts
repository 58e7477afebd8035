import { confidence, lexical } from './rules/alignment.js';
import { brackets, mojibake, numbers } from './rules/content.js';
import { lengthRatioRule, tooLong, tooShort } from './rules/length.js';
import { script, symbolsOnly, untranslated } from './rules/script.js';
import type { FilterRule } from './types.js';

/**
 * Every pair rule, in the order they run: cheap and certain first, so a pair is rejected by the
 * plainest reason that applies (a binary-looking pair for mojibake, not for its length ratio), and
 * the dictionary lookup runs last. Duplicates are judged after these (dedupe.ts): a pair the rules
 * drop does not claim its text. Adding a rule is one file and one line here; help, config and stats
 * derive from this list.
 */
export const FILTER_RULES: readonly FilterRule[] = [
  tooShort,
  mojibake,
  symbolsOnly,
  untranslated,
  script,
  tooLong,
  brackets,
  numbers,
  confidence,
  lengthRatioRule,
  lexical,
] as unknown as readonly FilterRule[];

/** The two dedupe rules, judged after the pair rules. */
export const DEDUPE_RULES = ['duplicate', 'near-duplicate'] as const;

/** Every rule name a config may mention. */
export const RULE_NAMES: readonly string[] = [...FILTER_RULES.map((r) => r.name), ...DEDUPE_RULES];
