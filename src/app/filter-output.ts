import { resolve } from 'node:path';
import type { FilterPair, PairOrigin } from '../core/filter/index.js';
import { tmxFooter, tmxHeader, tmxUnit } from '../formats/tmx-write.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { FilterStats, FilterVerdict } from './filter.js';

// Where `bitext filter` writes: the kept pairs in one of four formats, the rejected ones as JSONL
// with their rule, and the stats. Every file is streamed through a temporary file and renamed when
// the run ends well; a failed run leaves the old files as they were.

export const FILTER_FORMATS = ['moses', 'tsv', 'tmx', 'jsonl'] as const;
export type FilterFormat = (typeof FILTER_FORMATS)[number];

/**
 * Text pushed by one side and pulled by writeFileAtomic. push() waits while more than HIGH_WATER
 * characters are queued, so a slow disk slows the filter instead of filling memory.
 */
class Channel implements AsyncIterable<string> {
  private chunks: string[] = [];
  private size = 0;
  private ended = false;
  private failure: unknown;
  private wakeReader?: () => void;
  private wakeWriter?: () => void;

  async push(chunk: string): Promise<void> {
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.wakeReader?.();
    if (this.size > HIGH_WATER) await new Promise<void>((resolve) => (this.wakeWriter = resolve));
  }

  end(failure?: unknown): void {
    this.ended = true;
    this.failure = failure;
    this.wakeReader?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      if (this.chunks.length) {
        const batch = this.chunks.join('');
        this.chunks = [];
        this.size = 0;
        const writer = this.wakeWriter;
        this.wakeWriter = undefined;
        writer?.();
        yield batch;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
      this.wakeReader = undefined;
    }
  }
}

const HIGH_WATER = 1 << 20;

/** One output file being written. */
class OutputFile {
  readonly channel = new Channel();
  readonly done: Promise<void>;
  constructor(path: string, name: string) {
    this.done = writeFileAtomic(path, this.channel, { name });
    // Seen by finish(); never an unhandled rejection meanwhile.
    this.done.catch(() => {});
  }
}

export interface FilterOutputOptions {
  out: string;
  format: FilterFormat;
  rejected?: string;
  /** Where the stats go (default: OUT.stats.json; for moses, OUT.stats.json too). */
  stats?: string;
  /** Add each rule's score to every kept pair. */
  scores: boolean;
  /** The rules whose scores are written, in order. */
  scoreColumns: readonly string[];
  cwd: string;
}

/** The outputs of one filter run: write() each verdict, then finish() (or abort() on failure). */
export class FilterOutputs {
  private readonly files: OutputFile[] = [];
  private readonly kept: OutputFile[];
  private readonly rejected?: OutputFile;
  private readonly statsFile: OutputFile;

  constructor(private readonly options: FilterOutputOptions) {
    const file = (name: string) => {
      const output = new OutputFile(resolve(options.cwd, name), name);
      this.files.push(output);
      return output;
    };
    this.kept =
      options.format === 'moses'
        ? [
            file(`${options.out}.zh`),
            file(`${options.out}.en`),
            ...(options.scores ? [file(`${options.out}.scores`)] : []),
          ]
        : [file(options.out)];
    if (options.rejected) this.rejected = file(options.rejected);
    this.statsFile = file(options.stats ?? `${options.out}.stats.json`);
  }

  /** The output paths, for refusing one that is an input. */
  static paths(
    options: Pick<FilterOutputOptions, 'out' | 'format' | 'rejected' | 'stats' | 'scores'>,
  ): string[] {
    const kept =
      options.format === 'moses'
        ? [`${options.out}.zh`, `${options.out}.en`, `${options.out}.scores`]
        : [options.out];
    return [
      ...kept,
      ...(options.rejected ? [options.rejected] : []),
      options.stats ?? `${options.out}.stats.json`,
    ];
  }

  async begin(): Promise<void> {
    if (this.options.format === 'tmx')
      await this.kept[0]!.channel.push(
        tmxHeader({ srcLang: 'zh-CN', props: [{ type: 'x-filter', value: 'bitext filter' }] }),
      );
    if (this.options.format === 'tsv' && this.options.scores) {
      await this.kept[0]!.channel.push(`zh\ten\t${this.options.scoreColumns.join('\t')}\n`);
    }
  }

  async write(origin: PairOrigin, pair: FilterPair, verdict: FilterVerdict): Promise<void> {
    if (!verdict.kept) {
      if (!this.rejected) return;
      const record = {
        zh: pair.zh,
        en: pair.en,
        rule: verdict.rule,
        why: verdict.why,
        document: pair.document,
        ...origin,
        ...(verdict.duplicateOf ? { duplicateOf: verdict.duplicateOf } : {}),
      };
      await this.rejected.channel.push(`${JSON.stringify(record)}\n`);
      return;
    }
    const scores = this.options.scoreColumns.map((rule) => verdict.scores[rule] ?? '');
    const { format } = this.options;
    if (format === 'moses') {
      await this.kept[0]!.channel.push(`${oneLine(pair.zh)}\n`);
      await this.kept[1]!.channel.push(`${oneLine(pair.en)}\n`);
      if (this.options.scores) await this.kept[2]!.channel.push(`${scores.join('\t')}\n`);
    } else if (format === 'tsv') {
      await this.kept[0]!.channel.push(
        `${[oneLine(pair.zh), oneLine(pair.en), ...(this.options.scores ? scores : [])].join('\t')}\n`,
      );
    } else if (format === 'jsonl') {
      const record = {
        zh: pair.zh,
        en: pair.en,
        ...(pair.confidence !== undefined ? { confidence: pair.confidence } : {}),
        document: pair.document,
        ...(this.options.scores ? { scores: verdict.scores } : {}),
      };
      await this.kept[0]!.channel.push(`${JSON.stringify(record)}\n`);
    } else {
      const props = [
        { type: 'x-document', value: pair.document },
        ...(pair.confidence !== undefined
          ? [{ type: 'x-confidence', value: pair.confidence.toFixed(3) }]
          : []),
        ...(this.options.scores
          ? this.options.scoreColumns.map((rule) => ({
              type: `x-score-${rule}`,
              value: String(verdict.scores[rule] ?? ''),
            }))
          : []),
      ];
      await this.kept[0]!.channel.push(
        tmxUnit({
          segments: [
            { lang: 'zh-CN', text: pair.zh },
            { lang: 'en-US', text: pair.en },
          ],
          props,
        }),
      );
    }
  }

  async finish(stats: FilterStats): Promise<void> {
    if (this.options.format === 'tmx') await this.kept[0]!.channel.push(tmxFooter());
    await this.statsFile.channel.push(`${JSON.stringify(stats, null, 2)}\n`);
    for (const file of this.files) file.channel.end();
    await Promise.all(this.files.map((f) => f.done));
  }

  /** Ends every file with the failure: their temporary files go, the old files stay. */
  async abort(failure: unknown): Promise<void> {
    for (const file of this.files) file.channel.end(failure);
    await Promise.allSettled(this.files.map((f) => f.done));
  }
}

/** Moses and TSV are a pair a line: a line break or tab inside a sentence becomes a space. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}
