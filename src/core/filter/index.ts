import type { FilterConfig } from './config.js';
import { FILTER_RULES } from './registry.js';
import type { FilterPair, RuleContext, RuleOutcome, Verdict } from './types.js';

export { LengthCalibrator, lengthRatio, PRIOR } from './calibration.js';
export { configFileOf, defaultFilterConfig, type FilterConfig, resolveFilterConfig } from './config.js';
export { DEDUPE_RULES, FILTER_RULES, RULE_NAMES } from './registry.js';
export { hash53, nearDuplicateForm } from './text-measures.js';
export type * from './types.js';

/**
 * Runs the enabled rules on a pair, in registry order. Without `all`, it stops at the first rule
 * that rejects it (a kept pair has run them all, so its scores are complete); with `all` (explain)
 * every rule runs and each outcome is kept.
 */
export function judgePair(
  pair: FilterPair,
  config: FilterConfig,
  context: RuleContext,
  all = false,
): Verdict {
  const verdict: Verdict = { kept: true, scores: {} };
  const outcomes: Record<string, RuleOutcome> = {};
  for (const rule of FILTER_RULES) {
    const setting = config.rules[rule.name];
    if (!setting?.enabled) continue;
    const outcome = rule.check(pair, setting.params, context);
    verdict.scores[rule.name] = outcome.score;
    if (all) outcomes[rule.name] = outcome;
    if (!outcome.pass && verdict.kept) {
      verdict.kept = false;
      verdict.rule = rule.name;
      verdict.why = outcome.why;
      if (!all) break;
    }
  }
  if (all) verdict.outcomes = outcomes;
  return verdict;
}
export {
  type CopyForm,
  Deduplicator,
  type DuplicateVerdict,
  type FirstCopyIndex,
  MemoryFirstCopies,
} from './dedupe.js';
