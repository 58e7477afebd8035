/**
 * The QA dev harness: injects one error into the English of about 10% of the gold sentence pairs of
 * each dev set (../shared/eval, read in place, never copied), seeded, runs `runQa` on each document
 * whole, and reports
 *   - recall per error kind: an injected pair counts as caught when it gets a shown finding (error or
 *     warning; info is hidden unless `--all`) of the kind's check that the clean pair did not get;
 *   - false alarms per 100 untouched pairs, by check: shown findings, and info apart.
 *
 *   npm run bench:qa -- [--seeds N] [--set mac-dev|bfsu-nonlit-dev] [--misses KIND] [--alarms CHECK]
 *                       [--checks name,date]   (run only these checks: faster while working on one)
 */
import { type Finding, type QaCheck, runQa } from '../src/core/qa/index.js';
import { DEV_SETS, readDevSet } from './eval-data.js';
import {
  doctorPairs,
  ERROR_KINDS,
  type ErrorKind,
  goldPairs,
  INJECTED_SHARE,
  type Pair,
} from './qa-inject.js';

/** The checks whose finding counts as catching each kind. A changed date may be read as a number. */
const CATCHING: Record<ErrorKind, readonly QaCheck[]> = {
  number: ['number'],
  date: ['date', 'number'],
  'date-before-1500': ['date', 'number'],
  untranslated: ['untranslated'],
  'repeated-word': ['repeated-word'],
  brackets: ['brackets'],
  name: ['name'],
  omission: ['omission'],
  addition: ['omission'],
};

const argument = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seeds = Number(argument('--seeds') ?? 10);
const onlySet = argument('--set');
const showMisses = argument('--misses');
const showAlarms = argument('--alarms');
const onlyChecks = argument('--checks')?.split(',') as QaCheck[] | undefined;
const qa = (pairs: readonly Pair[]) => runQa(pairs, onlyChecks ? { checks: onlyChecks } : {});

const shown = (f: Finding) => f.severity !== 'info';
const key = (f: Finding) => `${f.check}|${f.severity}|${f.message}`;

interface Tally {
  injected: Record<string, number>;
  caught: Record<string, number>;
  untouched: number;
  alarms: Record<string, number>;
  infos: Record<string, number>;
}

function runDocument(pairs: readonly Pair[], seed: number, tally: Tally, label: string): void {
  const clean = qa(pairs);
  const cleanByPair = new Map<number, Set<string>>();
  for (const f of clean) {
    if (!cleanByPair.has(f.pair)) cleanByPair.set(f.pair, new Set());
    cleanByPair.get(f.pair)!.add(key(f));
  }
  const { doctored, injectedKind } = doctorPairs(pairs, seed, tally.injected, INJECTED_SHARE);
  const findings = qa(doctored);
  const byPair = new Map<number, Finding[]>();
  for (const f of findings) {
    if (!byPair.has(f.pair)) byPair.set(f.pair, []);
    byPair.get(f.pair)!.push(f);
  }
  for (const [index, kind] of injectedKind) {
    const before = cleanByPair.get(index) ?? new Set();
    const caught = (byPair.get(index) ?? []).some(
      (f) => shown(f) && CATCHING[kind].includes(f.check) && !before.has(key(f)),
    );
    if (caught) tally.caught[kind] = (tally.caught[kind] ?? 0) + 1;
    else if (showMisses === kind) {
      console.log(
        `\nmissed ${kind} (${label} pair ${index}):\n  zh: ${doctored[index]!.zh}\n  was: ${pairs[index]!.en}\n  now: ${doctored[index]!.en}`,
      );
      for (const f of byPair.get(index) ?? [])
        console.log(`  found: ${f.severity} [${f.check}] ${f.message}`);
    }
  }
  for (let index = 0; index < pairs.length; index++) {
    if (injectedKind.has(index)) continue;
    tally.untouched++;
    for (const f of byPair.get(index) ?? []) {
      const counts = shown(f) ? tally.alarms : tally.infos;
      counts[f.check] = (counts[f.check] ?? 0) + 1;
      if (showAlarms === f.check && seed < 2000) {
        console.log(
          `\n${f.severity} [${f.check}] ${f.message} (${label} pair ${index})\n  zh: ${pairs[index]!.zh}\n  en: ${pairs[index]!.en}`,
        );
      }
    }
  }
}

const per100 = (n: number, of: number) => ((100 * n) / of).toFixed(1);

for (const set of DEV_SETS) {
  if (onlySet && set !== onlySet) continue;
  const documents = await readDevSet(set);
  if (!documents) {
    console.log(`${set}: skipped (../shared/eval/${set} not found)`);
    continue;
  }
  const tally: Tally = { injected: {}, caught: {}, untouched: 0, alarms: {}, infos: {} };
  for (let seed = 1; seed <= seeds; seed++) {
    for (const [d, document] of documents.entries()) {
      runDocument(goldPairs(document), seed * 1000 + d, tally, `${set} doc ${d}`);
    }
  }
  const injected = Object.values(tally.injected).reduce((a, b) => a + b, 0);
  const caught = Object.values(tally.caught).reduce((a, b) => a + b, 0);
  console.log(`\n${set}: ${seeds} seeds, ${injected} injected errors, ${tally.untouched} untouched pairs`);
  console.log(`recall ${(caught / injected).toFixed(2)} overall`);
  for (const kind of ERROR_KINDS) {
    const n = tally.injected[kind] ?? 0;
    if (n)
      console.log(
        `  ${kind.padEnd(17)} ${((tally.caught[kind] ?? 0) / n).toFixed(2)}  (${tally.caught[kind] ?? 0}/${n})`,
      );
  }
  const alarms = Object.values(tally.alarms).reduce((a, b) => a + b, 0);
  const infos = Object.values(tally.infos).reduce((a, b) => a + b, 0);
  console.log(
    `false alarms per 100 untouched pairs: ${per100(alarms, tally.untouched)} shown (error+warning), ${per100(infos, tally.untouched)} info`,
  );
  const checks = new Set([...Object.keys(tally.alarms), ...Object.keys(tally.infos)]);
  for (const check of checks) {
    console.log(
      `  ${check.padEnd(17)} ${per100(tally.alarms[check] ?? 0, tally.untouched)} shown, ${per100(tally.infos[check] ?? 0, tally.untouched)} info`,
    );
  }
}
