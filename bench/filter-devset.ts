/**
 * The filter dev set: the gold pairs of ../shared/eval (read in place, never copied) as the good
 * pairs, plus junk of every kind the filter is for, made from those pairs. Prints, per kind, how many
 * were dropped and whether for the expected reason; the target is ≥ 95% of good pairs kept and
 * ≥ 90% of junk dropped, each with its reason.
 *
 *   npx tsx bench/filter-devset.ts            rates per kind
 *   npx tsx bench/filter-devset.ts --misses   also the good pairs dropped and the junk kept
 *   npx tsx bench/filter-devset.ts --config F with a filter config file's thresholds
 *
 * The pairs go through the same code as `bitext filter` (filterPairStream, src/app/filter.ts), as
 * one JSONL document per dev document.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filterPairFiles } from '../src/app/filter.js';
import { defaultFilterConfig, resolveFilterConfig } from '../src/core/filter/index.js';
import { toTraditional } from '../src/core/lexicon/script.js';
import { DEV_SETS, readDevSet } from './eval-data.js';
import { seededRandom } from './seeded-random.js';

export interface DevPair {
  zh: string;
  en: string;
  confidence?: number;
  /** 'good', or the junk kind. */
  kind: string;
}

/** The rules a junk kind should be dropped by (any of them). */
export const EXPECTED: Record<string, readonly string[]> = {
  misaligned: ['lexical', 'length-ratio', 'numbers'],
  untranslated: ['untranslated'],
  'numbers-differ': ['numbers'],
  'symbols-only': ['symbols-only'],
  mojibake: ['mojibake'],
  brackets: ['brackets'],
  'en-side-chinese': ['script'],
  'zh-side-english': ['script'],
  'too-short': ['too-short'],
  'too-long': ['too-long'],
  'low-confidence': ['confidence'],
  'length-ratio': ['length-ratio'],
  duplicate: ['duplicate'],
  'near-duplicate': ['near-duplicate'],
};

/** One document's good pairs and its junk, the junk spread through it. */
export function devDocument(good: readonly { zh: string; en: string }[], seed: number): DevPair[] {
  const rand = seededRandom(seed);
  const pick = () => good[Math.floor(rand() * good.length)]!;
  const junk: DevPair[] = [];
  const per = Math.max(2, Math.round(good.length / 60));
  for (let i = 0; i < per; i++) {
    const at = Math.floor(rand() * (good.length - 4));
    const a = good[at]!;
    // A neighbour three pairs away, as a shifted alignment gives.
    junk.push({ zh: a.zh, en: good[at + 3]!.en, kind: 'misaligned' });
    junk.push({ zh: a.en, en: a.en, kind: 'untranslated' });
    const withNumber = good.find((p, j) => j >= at && /\d/.test(p.en)) ?? {
      zh: '共有3000人参加了会议。',
      en: 'In all 3,000 people attended.',
    };
    junk.push({
      zh: withNumber.zh,
      en: withNumber.en.replace(/\d+/, (d) => String(Number(d) * 10 + 7)),
      kind: 'numbers-differ',
    });
    junk.push({
      zh: `http://www.example.com/p${at}?id=${i}`,
      en: `http://www.example.com/p${at}?id=${i}`,
      kind: 'symbols-only',
    });
    junk.push({ zh: `${1000 + at} — ★★ ${i}/${at}`, en: pick().en, kind: 'symbols-only' });
    junk.push({ zh: Buffer.from(pick().zh).toString('latin1'), en: pick().en, kind: 'mojibake' });
    const b = pick();
    junk.push({
      zh: b.zh.replace(/[\uFFFD]*$/, '').slice(0, -1) + '\uFFFD\uFFFD',
      en: b.en,
      kind: 'mojibake',
    });
    const c = pick();
    junk.push({ zh: `（${c.zh}`, en: c.en, kind: 'brackets' });
    const d = pick();
    junk.push({ zh: d.zh, en: `${d.en} (see the`, kind: 'brackets' });
    junk.push({ zh: pick().en, en: pick().en, kind: 'zh-side-english' });
    junk.push({ zh: pick().zh, en: pick().zh, kind: 'en-side-chinese' });
    junk.push({ zh: '。', en: pick().en, kind: 'too-short' });
    const start = Math.floor(rand() * (good.length - 20));
    const run = good.slice(start, start + 20);
    junk.push({ zh: run.map((p) => p.zh).join(''), en: run.map((p) => p.en).join(' '), kind: 'too-long' });
    junk.push({ ...pick(), confidence: 0.05 + rand() * 0.2, kind: 'low-confidence' });
    const e = good[at]!;
    const three = good.slice(at, at + 4);
    junk.push({ zh: e.zh, en: three.map((p) => p.en).join(' '), kind: 'length-ratio' });
  }
  const pairs: DevPair[] = good.map((p) => ({ ...p, kind: 'good' }));
  // Copies come after their originals.
  for (let i = 0; i < per; i++) {
    const f = good[Math.floor(rand() * good.length * 0.5)]!;
    pairs.push({ ...f, kind: 'duplicate' });
    const g = good[Math.floor(rand() * good.length * 0.5)]!;
    pairs.push({
      zh: toFullWidth(toTraditional(g.zh)).replace(/[。，]/g, '，'),
      en: g.en.toUpperCase().replace(/[.,]/g, ''),
      kind: 'near-duplicate',
    });
  }
  for (const j of junk) pairs.splice(Math.floor(rand() * pairs.length * 0.5), 0, j);
  return pairs;
}

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bitext-filter-dev-'));
  try {
    const files: string[] = [];
    const labels = new Map<string, DevPair>();
    let seed = 1;
    for (const set of DEV_SETS) {
      const documents = await readDevSet(set);
      if (!documents) {
        console.log(`${set}: not found in ../shared/eval, skipped`);
        continue;
      }
      for (const document of documents) {
        const good = document.gold
          .filter((bead) => bead.zh.length > 0 && bead.en.length > 0)
          .map((bead) => ({
            zh: bead.zh.map((i) => document.zh[i] ?? '').join(''),
            en: bead.en.map((i) => document.en[i] ?? '').join(' '),
          }));
        const pairs = devDocument(good, seed++);
        const file = path.join(dir, `${set}-${document.name}.jsonl`);
        for (const [i, p] of pairs.entries()) labels.set(`${file}:${i + 1}`, p);
        writeFileSync(
          file,
          pairs.map((p) => `${JSON.stringify({ zh: p.zh, en: p.en, confidence: p.confidence })}\n`).join(''),
        );
        files.push(file);
      }
    }
    if (files.length === 0) return;
    const tally = new Map<string, { total: number; dropped: number; expected: number }>();
    const misses: string[] = [];
    // Good pairs that repeat an earlier good pair (a novel's “是的。”) are duplicates by rights.
    const seenGood = new Set<string>();
    const configAt = process.argv.indexOf('--config');
    const configFile = configAt > 0 ? process.argv[configAt + 1] : undefined;
    const config = configFile
      ? resolveFilterConfig(JSON.parse(readFileSync(configFile, 'utf8')), configFile)
      : defaultFilterConfig();
    await filterPairFiles(files, config, {
      onVerdict(origin, pair, verdict) {
        const label = labels.get(`${origin.file}:${origin.line}`)!;
        let kind = label.kind;
        if (kind === 'good') {
          const key = `${pair.zh}\t${pair.en}`;
          if (seenGood.has(key)) kind = 'good (repeated)';
          seenGood.add(key);
        }
        const t = tally.get(kind) ?? { total: 0, dropped: 0, expected: 0 };
        t.total++;
        if (!verdict.kept) t.dropped++;
        if (!verdict.kept && EXPECTED[kind]?.includes(verdict.rule!)) t.expected++;
        tally.set(kind, t);
        const wrong = kind === 'good' ? !verdict.kept : kind !== 'good (repeated)' && verdict.kept;
        if (wrong && process.argv.includes('--misses'))
          misses.push(
            `${kind}\t${verdict.rule ?? 'kept'}\t${verdict.why ?? ''}\t${pair.zh.slice(0, 60)}\t${pair.en.slice(0, 80)}`,
          );
      },
    });
    console.log('kind\tpairs\tdropped\twith the expected reason');
    let junkTotal = 0;
    let junkDropped = 0;
    let junkExpected = 0;
    for (const [kind, t] of [...tally].sort()) {
      console.log(
        `${kind}\t${t.total}\t${pct(t.dropped, t.total)}\t${kind.startsWith('good') ? '' : pct(t.expected, t.total)}`,
      );
      if (!kind.startsWith('good')) {
        junkTotal += t.total;
        junkDropped += t.dropped;
        junkExpected += t.expected;
      }
    }
    const good = tally.get('good')!;
    console.log(
      `\ngood pairs kept: ${pct(good.total - good.dropped, good.total)} of ${good.total} (target ≥ 95%)`,
    );
    console.log(
      `junk dropped: ${pct(junkDropped, junkTotal)} of ${junkTotal} (target ≥ 90%), ${pct(junkExpected, junkTotal)} for the expected reason`,
    );
    if (misses.length) console.log(`\n${misses.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pct(n: number, of: number): string {
  return `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
