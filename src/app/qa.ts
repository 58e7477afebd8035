import type { Finding, QaCheck, QaPair, QaTerm } from '../core/qa/index.js';
import { runQa } from '../core/qa/index.js';
import type { TermEntry } from '../core/terms/index.js';
import type { UseCaseOptions } from './use-case.js';

/** A finding with the file it was found in (several files can be checked in one run). */
export type FileFinding = Finding & { file: string };

export interface QaRun {
  findings: FileFinding[];
  pairs: number;
}

/** Checks the aligned pairs of each input against each other and the termbase: `bitext qa`. */
export function checkTranslations(
  inputs: readonly { name: string; pairs: readonly QaPair[] }[],
  options: UseCaseOptions & { termbase?: readonly TermEntry[]; checks?: QaCheck[] } = {},
): QaRun {
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
    }))
      findings.push({ file: input.name, ...finding });
  }
  return { findings, pairs };
}
