/**
 * Counts QA findings by check and severity on the mag dev set of the BFSU non-literary corpus (read
 * from ../shared/eval at run time, never copied), to watch the false-alarm rate of the checks:
 *   npx tsx bench/measure-qa-findings.ts [--show CHECK]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type QaPair, runQa } from '../src/core/qa/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = resolve(repoRoot, '../shared/eval/bfsu-nonlit-dev/mag');
const showIndex = process.argv.indexOf('--show');
const show = showIndex >= 0 ? process.argv[showIndex + 1] : undefined;

if (!existsSync(`${base}.align`)) {
  console.log(`skipped: ${base}.align not found`);
  process.exit(0);
}
const zh = readFileSync(`${base}.zh`, 'utf8').split('\n');
const en = readFileSync(`${base}.en`, 'utf8').split('\n');
const pairs: QaPair[] = [];
for (const line of readFileSync(`${base}.align`, 'utf8').split('\n')) {
  const match = /^\[([\d,\s]*)\]:\[([\d,\s]*)\]$/.exec(line.trim());
  if (!match) continue;
  const ids = (list: string) =>
    list
      .split(',')
      .filter((s) => s.trim())
      .map(Number);
  pairs.push({
    zh: ids(match[1]!)
      .map((i) => zh[i] ?? '')
      .join(''),
    en: ids(match[2]!)
      .map((i) => en[i] ?? '')
      .join(' '),
  });
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
