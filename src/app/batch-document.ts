import { resolve } from 'node:path';
import { type AlignedDocument, alignDocument } from '../core/document.js';
import { formatDocument, type PairFormat } from '../formats/pairs.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readInputBytes } from '../io/read-text.js';
import { documentHash } from '../store/document-identity.js';
import type { TmUnitInput } from '../store/tm-store.js';
import type { BatchDocument } from './batch-plan.js';
import { alignDocumentInput, sideTextOf } from './document-input.js';

// One document of a batch, start to end: read, align, write its output. The worker threads of a
// local batch and the queue workers both call alignBatchDocument, so the two give the same files.

export interface BatchDocumentOptions {
  format: PairFormat;
  /** Directory relative paths are read from and written to. */
  cwd: string;
  /** Return the pairs as TM units (for `--tm`). */
  withUnits: boolean;
}

/** What one document gave: its counts, and its units when the TM wants them. */
export interface BatchDocumentResult {
  pairs: number;
  /** Mean confidence of its pairs (0 when it has none). */
  meanConfidence: number;
  /** SHA-256 of its bytes (of both files', zh then en, for a two-file document): the TM's identity. */
  contentHash: string;
  units?: TmUnitInput[];
  /** What the TM did with it, when the worker stored it (a queue worker does). */
  stored?: { added: number; duplicates: number; alreadyPresent: boolean };
}

/**
 * Aligns one document exactly as `bitext align INPUTS --format FORMAT --out OUTPUT` does (same
 * reader, aligner options and source name, so the same bytes) and writes the output atomically.
 */
export async function alignBatchDocument(
  document: BatchDocument,
  options: BatchDocumentOptions,
): Promise<BatchDocumentResult> {
  const inputs = await Promise.all(document.inputs.map((path) => readInputBytes(path, { cwd: options.cwd })));
  let aligned: AlignedDocument;
  let source: string;
  if (inputs.length === 1) {
    aligned = await alignDocumentInput(inputs[0]!, { script: 'original' });
    source = document.inputs[0]!;
  } else {
    const [zh, en] = await Promise.all(inputs.map((input) => sideTextOf(input)));
    const [zhName, enName] = document.inputs as [string, string];
    aligned = alignDocument(
      { zh: zh!, en: en! },
      { script: 'original', sourceNames: { zh: zhName, en: enName } },
    );
    source = `${zhName} + ${enName}`;
  }
  const output = formatDocument(aligned, options.format, source);
  await writeFileAtomic(resolve(options.cwd, document.output), output, { name: document.output });
  const pairs = aligned.pairs;
  const total = pairs.reduce((sum, p) => sum + p.confidence, 0);
  return {
    pairs: pairs.length,
    meanConfidence: pairs.length ? Math.round((total / pairs.length) * 1000) / 1000 : 0,
    contentHash: contentHashOf(inputs.map((i) => i.bytes)),
    ...(options.withUnits
      ? {
          // As `tm add` stores them (addDocumentsToTm).
          units: pairs.map((pair, position) => ({
            zh: pair.zh,
            en: pair.en,
            position,
            confidence: Math.round(pair.confidence * 1000) / 1000,
          })),
        }
      : {}),
  };
}

/** One file: the hash `tm add` gives it. Two: the hash of both, a NUL between, so neither alone matches. */
function contentHashOf(parts: readonly Uint8Array[]): string {
  if (parts.length === 1) return documentHash(parts[0]!);
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length + 1;
  }
  return documentHash(joined);
}

/**
 * Aligns a two-sentence sample, which loads what the aligner loads lazily on its first document
 * (jieba's dictionary, the CC-CEDICT stem index, pinyin, OpenCC's tables: about 1 CPU second).
 * A worker thread does it as it starts, so that a queue worker says it is ready only once it is,
 * and that cost is not charged to whichever document comes first.
 */
export function warmUpAligner(): void {
  alignDocument(
    {
      zh: '重庆市二〇二〇年外事工作情况良好。姜江副会长对代表团表示欢迎。',
      en: 'Foreign affairs in Chongqing went well in 2020. Vice President Jiang Jiang welcomed the delegation.',
    },
    { script: 'original' },
  );
}
