/**
 * Counts QA findings by check and severity on the mag dev set of the BFSU non-literary corpus (read
 * from ../shared/eval at run time, never copied), to watch the false-alarm rate of the checks:
 *   npx tsx bench/measure-qa-findings.ts [--show CHECK]
 */
import { type QaPair, runQa } from '../src/core/qa/index.js';
import { readGoldPairs } from './eval-data.js';

const showIndex = process.argv.indexOf('--show');
const show = showIndex >= 0 ? process.argv[showIndex + 1] : undefined;

const pairs: QaPair[] | undefined = await readGoldPairs('bfsu-nonlit-dev');
if (!pairs) {
  console.log('skipped: ../shared/eval/bfsu-nonlit-dev not found');
  process.exit(0);
}
const findings = runQa(pairs);
const table: Record<string, Record<string, number>> = {};
for (const f of findings) {
  table[f.check] ??= {};
  table[f.check]![f.severity] = (table[f.check]![f.severity] ?? 0) + 1;
}
console.log(`mag dev: ${pairs.length} pairs, ${findings.length} findings`);
for (const [check, counts] of Object.entries(table)) console.log(`${check}\t${JSON.stringify(counts)}`);
for (const f of findings.filter((f) => f.check === show)) {
  console.log(`\npair ${f.pair + 1} ${f.severity}: ${f.message}\n  zh: ${f.zh.text}\n  en: ${f.en.text}`);
}
