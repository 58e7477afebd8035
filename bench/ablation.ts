/**
 * Accuracy and ablation tables for docs/accuracy.md: strict P/R/F1 and lax F1 on each dev set with
 * all evidence, then with each kind of evidence switched off in turn, and length alone.
 * `npx tsx bench/ablation.ts` (about a minute per row pair on two cores). Reads ../shared/eval;
 * skips with a message when it is absent. Prints Markdown.
 */
import { evaluate } from '../src/cli/commands/eval.js';
import { DEFAULT_EVIDENCE, type EvidenceSwitches } from '../src/core/align/index.js';
import { DEV_SETS, EVAL_ROOT, type GoldDocument, readDevSet } from './eval-data.js';

const sets = new Map<string, GoldDocument[]>();
for (const name of DEV_SETS) {
  const documents = await readDevSet(name);
  if (documents) sets.set(name, documents);
}
if (sets.size === 0) {
  console.log(`ablation: skipped, no evaluation data at ${EVAL_ROOT}`);
} else {
  // The rows come from the aligner's list of evidence: a kind added there gets its row.
  const only = (name: string): EvidenceSwitches =>
    Object.fromEntries(DEFAULT_EVIDENCE.map((k) => [k.name, k.name === name]));
  const rows: [string, EvidenceSwitches][] = [
    ['all evidence', {}],
    ...DEFAULT_EVIDENCE.map(({ name }): [string, EvidenceSwitches] => [`without ${name}`, { [name]: false }]),
    ['length only (Gale–Church)', only('length')],
  ];
  const names = [...sets.keys()];
  console.log(`| evidence | ${names.map((n) => `${n} strict F1 | ${n} lax F1`).join(' | ')} |`);
  console.log(`|---|${names.map(() => '---:|---:').join('|')}|`);
  for (const [label, evidence] of rows) {
    const cells = names.map((name) => {
      const result = evaluate(sets.get(name)!, evidence);
      return `${result.pooled.strict.f1.toFixed(3)} | ${result.pooled.lax.f1.toFixed(3)}`;
    });
    console.log(`| ${label} | ${cells.join(' | ')} |`);
  }
}
