import { BitextError } from '../core/errors.js';
import type { Finding, QaCheck, QaPair, QaTerm } from '../core/qa/index.js';
import { QA_CHECKS, QA_RULES, runQa } from '../core/qa/index.js';
import type { TermEntry } from '../core/terms/index.js';
import type { UseCaseOptions } from './use-case.js';

/** A finding with the file it was found in (several files can be checked in one run). */
export type FileFinding = Finding & { file: string };

export interface QaRun {
  /** The findings shown: errors and warnings, info too with `all`; none of a suppressed rule. */
  findings: FileFinding[];
  pairs: number;
  /** Info findings left out (shown with `all`). */
  hiddenInfo: number;
  /** Findings of suppressed rules. */
  suppressed: number;
}

/**
 * The rule IDs of a suppression file (`.bitext-qa-ignore`): one rule ID or check name per line, `#`
 * starts a comment. An unknown name is refused with its line, so a typo never silences nothing.
 */
export function parseSuppressions(text: string, file: string): string[] {
  const known = new Set<string>([...QA_RULES, ...QA_CHECKS]);
  const rules: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const rule = line.replace(/#.*/, '').trim();
    if (!rule) return;
    if (!known.has(rule)) {
      throw new BitextError(
        'USAGE',
        `${file}:${index + 1}: unknown QA rule "${rule}"; rules are ${QA_RULES.join(', ')} (or a check name)`,
      );
    }
    rules.push(rule);
  });
  return rules;
}

/** Checks the aligned pairs of each input against each other and the termbase: `bitext qa`. */
export function checkTranslations(
  inputs: readonly { name: string; pairs: readonly QaPair[] }[],
  options: UseCaseOptions & {
    termbase?: readonly TermEntry[];
    checks?: QaCheck[];
    /** Keep info findings (default: true; the CLI shows them only with `--all`). */
    all?: boolean;
    /** Rule IDs or check names not to report (parseSuppressions). */
    suppress?: readonly string[];
  } = {},
): QaRun {
  const suppress = new Set(options.suppress ?? []);
  let hiddenInfo = 0;
  let suppressed = 0;
  const termbase = (options.termbase ?? []).map((t): QaTerm => ({ zh: t.zh, en: t.en, status: t.status }));
  const findings: FileFinding[] = [];
  let pairs = 0;
  for (const [index, input] of inputs.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.({
      phase: 'check',
      item: input.name,
      done: index,
      total: inputs.length,
      unit: 'documents',
    });
    pairs += input.pairs.length;
    for (const finding of runQa(input.pairs, {
      termbase,
      ...(options.checks ? { checks: options.checks } : {}),
    })) {
      if (suppress.has(finding.rule ?? finding.check) || suppress.has(finding.check)) suppressed++;
      else if (finding.severity === 'info' && !(options.all ?? true)) hiddenInfo++;
      else findings.push({ file: input.name, ...finding });
    }
  }
  return { findings, pairs, hiddenInfo, suppressed };
}
