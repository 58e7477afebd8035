import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  type AlignTuning,
  alignSentences,
  EVIDENCE_NAMES,
  type EvidenceKind,
  type EvidenceSwitches,
} from '../../core/align/index.js';
import {
  type AlignmentCounts,
  type AlignmentScore,
  addCounts,
  countAlignment,
  type IdBead,
  laxScore,
  NO_COUNTS,
  parseAlignFile,
  strictScore,
} from '../../core/align/score.js';
import { BitextError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { withExamples, withSharedFlags } from '../options.js';

/** One gold document: NAME.zh and NAME.en (one sentence per line) and NAME.align. */
export interface GoldDocument {
  name: string;
  zh: string[];
  en: string[];
  gold: IdBead[];
}

export interface DocumentResult {
  name: string;
  sentences: { zh: number; en: number };
  counts: AlignmentCounts;
  strict: AlignmentScore;
  lax: AlignmentScore;
  seconds: number;
}

export interface EvalResult {
  documents: DocumentResult[];
  pooled: { counts: AlignmentCounts; strict: AlignmentScore; lax: AlignmentScore; seconds: number };
  /** Each kind of evidence: on or off. */
  evidence: Record<string, boolean>;
}

export function registerEval(program: Command, io: CliIo): void {
  const evalCommand = withSharedFlags(program.command('eval'), { format: ['text', 'json'] })
    .description(
      'align every NAME.zh/NAME.en of a directory and score it against NAME.align (strict and lax F1)',
    )
    .argument('<dir>', 'directory of NAME.zh, NAME.en (one sentence per line) and NAME.align gold files')
    .option('--json', 'the same as --format json (deprecated: every command says --format json)')
    .option('--without <evidence>', `switch evidence off, comma-separated: ${EVIDENCE_NAMES.join(', ')}`)
    .action(async (dir: string, flags: { json?: boolean; format: 'text' | 'json'; without?: string }) => {
      const evidence = parseWithout(flags.without);
      const documents = await readGoldDirectory(path.resolve(io.cwd, dir));
      const result = evaluate(documents, evidence);
      const json = flags.json || flags.format === 'json';
      io.stdout.write(json ? JSON.stringify(result, null, 2) + '\n' : formatResult(result));
    });
  withExamples(
    evalCommand,
    [
      { command: 'bitext eval examples/gold', says: 'strict P/R/F1 per document and pooled' },
      { command: 'bitext eval examples/gold --format json', says: 'the same as JSON' },
      { command: 'bitext eval examples/gold --without learned,names', says: 'ablation: switch evidence off' },
    ],
    'examples/gold holds the bundled press release as gold data; the dev sets are in ../shared/eval (mac-dev…).',
  );
}

function parseWithout(list: string | undefined): Record<string, boolean> {
  const switches: Record<string, boolean> = Object.fromEntries(EVIDENCE_NAMES.map((k) => [k, true]));
  for (const name of (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!EVIDENCE_NAMES.includes(name)) {
      throw new BitextError(
        'BAD_OPTION',
        `--without: unknown evidence "${name}" (expected some of ${EVIDENCE_NAMES.join(', ')})`,
      );
    }
    switches[name] = false;
  }
  return switches;
}

/**
 * Aligns and scores every document; counts are pooled over documents before dividing. `aligner` is
 * passed to every call (other kinds of evidence, or other weights: the ablation and tuning benches).
 */
export function evaluate(
  documents: readonly GoldDocument[],
  evidence: EvidenceSwitches = {},
  aligner: { kinds?: readonly EvidenceKind[]; tuning?: AlignTuning } = {},
): EvalResult {
  let pooled = NO_COUNTS;
  let totalSeconds = 0;
  const results: DocumentResult[] = [];
  for (const doc of documents) {
    const started = performance.now();
    const beads = alignSentences(doc.zh, doc.en, { ...aligner, evidence });
    const seconds = (performance.now() - started) / 1000;
    const counts = countAlignment(beads, doc.gold);
    pooled = addCounts(pooled, counts);
    totalSeconds += seconds;
    results.push({
      name: doc.name,
      sentences: { zh: doc.zh.length, en: doc.en.length },
      counts,
      strict: strictScore(counts),
      lax: laxScore(counts),
      seconds,
    });
  }
  return {
    documents: results,
    pooled: { counts: pooled, strict: strictScore(pooled), lax: laxScore(pooled), seconds: totalSeconds },
    evidence: Object.fromEntries(
      (aligner.kinds?.map((k) => k.name) ?? EVIDENCE_NAMES).map((name) => [name, evidence[name] !== false]),
    ),
  };
}

function formatResult(result: EvalResult): string {
  const header = ['document', 'zh', 'en', 'gold', 'pred', 'P', 'R', 'F1', 'lax F1', 'seconds'];
  const row = (
    name: string,
    zh: number,
    en: number,
    counts: AlignmentCounts,
    strict: AlignmentScore,
    lax: AlignmentScore,
    seconds: number,
  ) => [
    name,
    String(zh),
    String(en),
    String(counts.gold),
    String(counts.predicted),
    strict.precision.toFixed(4),
    strict.recall.toFixed(4),
    strict.f1.toFixed(4),
    lax.f1.toFixed(4),
    seconds.toFixed(2),
  ];
  const rows = result.documents.map((d) =>
    row(d.name, d.sentences.zh, d.sentences.en, d.counts, d.strict, d.lax, d.seconds),
  );
  const zh = result.documents.reduce((n, d) => n + d.sentences.zh, 0);
  const en = result.documents.reduce((n, d) => n + d.sentences.en, 0);
  rows.push(
    row(
      'pooled',
      zh,
      en,
      result.pooled.counts,
      result.pooled.strict,
      result.pooled.lax,
      result.pooled.seconds,
    ),
  );
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const off = Object.entries(result.evidence)
    .filter(([, on]) => !on)
    .map(([k]) => k);
  const note = off.length ? `evidence off: ${off.join(', ')}\n` : '';
  return note + [line(header), ...rows.map(line)].join('\n') + '\n';
}

/**
 * Reads every NAME.zh/NAME.en/NAME.align triple of a directory. Lines are sentences as given
 * (never re-split); the gold must refer only to existing lines.
 */
export async function readGoldDirectory(dir: string): Promise<GoldDocument[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BitextError('NOT_FOUND', `not a directory: ${dir}`, { file: dir });
  }
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.align'))
    .map((f) => f.slice(0, -'.align'.length))
    .sort();
  const documents: GoldDocument[] = [];
  for (const name of names) {
    const base = path.join(dir, name);
    if (!existsSync(`${base}.zh`) || !existsSync(`${base}.en`)) {
      throw new BitextError('MISSING_SIDE', `${name}.align has no ${name}.zh or ${name}.en beside it`, {
        file: `${base}.align`,
      });
    }
    const [zh, en, align] = await Promise.all(
      [`${base}.zh`, `${base}.en`, `${base}.align`].map((f) => readFile(f, 'utf8')),
    );
    const doc = { name, zh: toLines(zh!), en: toLines(en!), gold: parseAlignFile(align!, `${base}.align`) };
    checkGold(doc, `${base}.align`);
    documents.push(doc);
  }
  if (documents.length === 0) {
    throw new BitextError('EMPTY_INPUT', `no NAME.align files with NAME.zh and NAME.en in ${dir}`, {
      file: dir,
    });
  }
  return documents;
}

function toLines(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function checkGold(doc: GoldDocument, file: string): void {
  doc.gold.forEach((bead, index) => {
    for (const [side, ids, count] of [
      ['zh', bead.zh, doc.zh.length],
      ['en', bead.en, doc.en.length],
    ] as const) {
      const bad = ids.find((id) => !Number.isInteger(id) || id < 0 || id >= count);
      if (bad !== undefined) {
        throw new BitextError(
          'BAD_ALIGN_LINE',
          `${side} id ${bad} is beyond the ${count} lines of ${doc.name}.${side}`,
          {
            file,
            line: index + 1,
          },
        );
      }
    }
  });
}
