import { prepareChineseText } from '../lexicon/jieba.js';
import { foldToSimplified } from '../lexicon/script.js';
import { checkBrackets } from './brackets-check.js';
import { checkDates } from './date-check.js';
import { checkInconsistency } from './inconsistency-check.js';
import { checkNames } from './name-check.js';
import { checkNumbers } from './number-check.js';
import { checkOmissions } from './omission-check.js';
import { checkRepeatedWords } from './repeated-word-check.js';
import { checkTerms } from './term-check.js';
import {
  type Finding,
  QA_CHECKS,
  type QaCheck,
  type QaCheckFunction,
  type QaOptions,
  type QaPair,
} from './types.js';
import { checkUntranslated } from './untranslated-check.js';

export * from './types.js';

const CHECKS: Record<QaCheck, QaCheckFunction> = {
  number: checkNumbers,
  date: checkDates,
  name: checkNames,
  term: checkTerms,
  omission: checkOmissions,
  untranslated: checkUntranslated,
  inconsistency: checkInconsistency,
  'repeated-word': checkRepeatedWords,
  brackets: checkBrackets,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs the QA checks over aligned pairs; findings come in pair order, then by severity, then by check. */
export function runQa(pairs: readonly QaPair[], options: QaOptions = {}): Finding[] {
  const checks = options.checks ?? QA_CHECKS;
  // The checks segment the Chinese pair by pair: jieba loads the words of the whole document's
  // characters once (pairs read from a TMX or table file were never aligned, which does this).
  prepareChineseText(pairs.map((pair) => foldToSimplified(pair.zh)));
  const findings = checks.flatMap((check) => CHECKS[check](pairs, options));
  return findings.sort(
    (a, b) =>
      a.pair - b.pair ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      QA_CHECKS.indexOf(a.check) - QA_CHECKS.indexOf(b.check),
  );
}

/** How many findings each check produced (every check listed, zero included). */
export function countByCheck(findings: readonly Finding[]): Record<QaCheck, number> {
  const counts = Object.fromEntries(QA_CHECKS.map((c) => [c, 0])) as Record<QaCheck, number>;
  for (const f of findings) counts[f.check]++;
  return counts;
}
