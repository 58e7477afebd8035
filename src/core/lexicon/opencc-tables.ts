import { Trie } from 'opencc-js/core';
import { CodePointSet } from './code-point-set.js';
import { type SortedLines, sortLinesByKey, utf8CodePointAt, utf8Width } from './sorted-lines.js';

/**
 * OpenCC conversions (opencc-js's configs: normalisation, segmentation by phrase, then conversion
 * stages) from prebuilt tables (data/opencc.txt, made by scripts/build-dictionary-index.ts from the
 * installed opencc-js), with tries that hold only the entries a text can use: an entry with a
 * character the stage has never seen can never match. Loading opencc-js's one-file build and building
 * its full tries (a megabyte of phrases) took ~0.15 s of CPU at every start.
 *
 * Each stage's dictionary group is merged at build time with opencc-js's precedence (loadDictGroup
 * loads the group's dictionaries last to first, and a later entry replaces an earlier one; a line
 * "source target target…" keeps its first target), so a stage is one table of source → target.
 */

export const OPENCC_HEADER = '# bitext: opencc-js conversion tables; stages ';

export type StageKind = 'normalize' | 'segment' | 'convert';

export interface Stage {
  /** Two characters that start every key of the stage's lines (config letter, stage number). */
  id: string;
  kind: StageKind;
}

/** opencc-js dictionary shapes (its types/core.d.ts). */
type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
export interface OpenCcConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/** One dictionary group as opencc-js's Trie.loadDictGroup would hold it: source → target. */
function mergeGroup(group: DictGroup): Map<string, string> {
  const merged = new Map<string, string>();
  for (const dict of [...group].reverse()) {
    if (typeof dict === 'string') {
      for (const line of dict.split('|')) {
        const [source, target] = line.split(' ');
        if (source !== undefined && target !== undefined) merged.set(source, target);
      }
    } else for (const [source, target] of dict) merged.set(source, target);
  }
  return merged;
}

/** The stages of a config in the order it applies them. */
function stagesOf(letter: string, config: OpenCcConfig): { stage: Stage; group: DictGroup }[] {
  const segmentation = config.segmentation;
  // opencc-js loads a segmentation given as an array of strings as a group, anything else as one dict.
  const segmentationGroup: DictGroup =
    Array.isArray(segmentation) && segmentation.every((d) => typeof d === 'string')
      ? (segmentation as DictGroup)
      : [segmentation as DictLike];
  const groups: { kind: StageKind; group: DictGroup }[] = [
    ...(config.normalizationChain ?? []).map((group) => ({ kind: 'normalize' as const, group })),
    { kind: 'segment', group: segmentationGroup },
    ...config.conversionChain.map((group) => ({ kind: 'convert' as const, group })),
  ];
  return groups.map(({ kind, group }, i) => ({ stage: { id: `${letter}${i}`, kind }, group }));
}

/**
 * The tables' text for named configs (`{ h: hk2s, t: s2tw }`): a header naming the stages, then the
 * lines. A config named in `characterOnly` keeps only its conversion stages' one-character entries.
 */
export function buildOpenCcTables(
  configs: Readonly<Record<string, OpenCcConfig>>,
  characterOnly: ReadonlySet<string> = new Set(),
): string {
  const plan: Record<string, Stage[]> = {};
  const lines: string[] = [];
  for (const [letter, config] of Object.entries(configs)) {
    plan[letter] = [];
    const onlyCharacters = characterOnly.has(letter);
    const changes: [string, string][] = [];
    for (const { stage, group } of stagesOf(letter, config)) {
      if (onlyCharacters && stage.kind !== 'convert') continue;
      plan[letter].push(stage);
      for (const [source, target] of mergeGroup(group)) {
        if (onlyCharacters && [...source].length !== 1) continue;
        lines.push(`${stage.id}${source}\t${target}`);
        if (stage.kind !== 'segment' && source !== target) changes.push([source, target]);
      }
    }
    lines.push(`${letter}${CHANGING_KEY}\t${changingCharacters(changes)}`);
  }
  return `${OPENCC_HEADER}${JSON.stringify(plan)}\n${sortLinesByKey(lines, '\t').join('\n')}\n`;
}

/**
 * The key (after the config's letter) of the line that holds the config's changing characters: no
 * stage's id (a letter and digits) starts with it, so no stage's look-up meets it.
 */
const CHANGING_KEY = '~';

/**
 * Characters one of which every entry that changes a text holds (its source differs from its
 * target): the one-character entries' sources, then, for a phrase holding none of those, the first
 * of its characters the phrase changes (沈 of 沈思 → 沉思: its first character would put 一 and 不 in
 * the set, and three Simplified sentences in four with them). A text with none of them converts to
 * itself: no stage's entry can match in it, so each stage gives the next the text unchanged (a
 * segmentation only cuts it).
 */
export function changingCharacters(changes: readonly (readonly [string, string])[]): string {
  const changing = new Set<string>();
  for (const [source] of changes) if ([...source].length === 1) changing.add(source);
  for (const [source, target] of changes) {
    const characters = [...source];
    if (characters.some((c) => changing.has(c))) continue;
    const into = [...target];
    const changed = characters.findIndex((c, i) => c !== into[i]);
    changing.add(characters[Math.max(0, changed)]!);
  }
  return [...changing].sort().join('');
}

/** A stage's trie, grown with the entries made only of the characters it has been given so far. */
class StageTrie {
  readonly trie = new Trie();
  private readonly known = new CodePointSet();
  /** Lines (their offsets) whose entry waits for a character not seen yet, by that character. */
  private readonly waiting = new Map<number, number[]>();
  private readonly keyStart: number;

  constructor(
    private readonly table: SortedLines,
    readonly id: string,
  ) {
    this.keyStart = new TextEncoder().encode(id).length;
  }

  /** Adds the entries the characters of `text` make usable. */
  grow(text: string): void {
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (!this.known.add(codePoint)) continue;
      const [start, end] = this.table.range(this.id + char);
      for (let at = start; at < end; at = this.table.lineEnd(at)) this.offer(at);
      const woken = this.waiting.get(codePoint);
      if (woken) {
        this.waiting.delete(codePoint);
        for (const at of woken) this.offer(at);
      }
    }
  }

  /**
   * The entry of the line at `at` goes into the trie when all its source characters are known, else
   * waits for the first one that is not; read from the bytes, so a waiting entry is never decoded.
   */
  private offer(at: number): void {
    const missing = firstUnknownCodePoint(this.table.bytes, at + this.keyStart, this.known);
    if (missing >= 0) {
      const list = this.waiting.get(missing);
      if (list) list.push(at);
      else this.waiting.set(missing, [at]);
      return;
    }
    const line = this.table.line(at);
    const tab = line.indexOf('\t');
    this.trie.addWord(line.slice(this.id.length, tab), line.slice(tab + 1));
  }
}

/** The first code point of the UTF-8 key at `from` (up to a tab) that `known` lacks, or −1. */
function firstUnknownCodePoint(bytes: Uint8Array, from: number, known: CodePointSet): number {
  for (let i = from; i < bytes.length && bytes[i] !== 0x09 && bytes[i] !== 0x0a; i += utf8Width(bytes[i]!)) {
    const codePoint = utf8CodePointAt(bytes, i);
    if (!known.has(codePoint)) return codePoint;
  }
  return -1;
}

/** One config's conversion (opencc-js's ConverterBuilder with a config: normalise, segment, convert). */
export class StagedConverter {
  private readonly stages: { kind: StageKind; trie: StageTrie }[];
  /**
   * The config's changing characters: undefined until the first CONVERSIONS_BEFORE_LIST conversions
   * are done, then null (most of them changed their text, or the table, an older build's, lists none)
   * or the list.
   */
  private changing: CodePointSet | null | undefined;
  private converted = 0;
  private unchanged = 0;

  /** Whether texts are now read against the changing characters (for tests). */
  get scansForChanges(): boolean {
    return !!this.changing;
  }

  constructor(
    private readonly table: SortedLines,
    stages: readonly Stage[],
  ) {
    this.stages = stages.map((stage) => ({ kind: stage.kind, trie: new StageTrie(table, stage.id) }));
  }

  /**
   * The text converted. A text without a changing character is its own conversion, found by a scan
   * instead of the stages' tries: most texts given to toSimplified are Simplified already, and the
   * tries cost ~60 µs a sentence the first time (growing them), ~5 µs after (bitext align, qa and
   * terms fold every sentence, QA some many times). Reading the list costs ~4 ms, so it is read only
   * once the first conversions show texts that stay as they are: a Traditional document, or a short
   * one, never reads it.
   */
  convert(text: string): string {
    if (this.changing && !this.changing.hasAny(text)) return text;
    const converted = this.convertByStages(text);
    if (this.changing === undefined) {
      this.converted++;
      if (converted === text) this.unchanged++;
      if (this.converted === CONVERSIONS_BEFORE_LIST)
        this.changing = 2 * this.unchanged > this.converted ? this.readChanging() : null;
    }
    return converted;
  }

  private convertByStages(text: string): string {
    let normalized = text;
    let segments: string[] | undefined;
    for (const { kind, trie } of this.stages) {
      if (kind === 'normalize') {
        trie.grow(normalized);
        normalized = trie.trie.convert(normalized);
      } else if (kind === 'segment') {
        trie.grow(normalized);
        segments = trie.trie.segment(normalized);
      } else {
        const current = segments ?? [normalized];
        trie.grow(current.join(''));
        segments = current.map((segment) => trie.trie.convert(segment));
      }
    }
    return (segments ?? [normalized]).join('');
  }

  /** The config's changing characters from the table, or null when it lists none. */
  private readChanging(): CodePointSet | null {
    const letter = this.stages[0]?.trie.id[0];
    const at = letter === undefined ? -1 : this.table.find(`${letter}${CHANGING_KEY}`);
    if (at < 0) return null;
    const changing = new CodePointSet();
    for (const char of this.table.value(at)) changing.add(char.codePointAt(0)!);
    return changing;
  }
}

/** Conversions done the slow way before a converter decides whether to read its changing characters. */
const CONVERSIONS_BEFORE_LIST = 64;

/** The stage plan a tables file's header line names, or undefined when it is not such a header. */
export function stagesIn(header: string): Record<string, Stage[]> | undefined {
  if (!header.startsWith(OPENCC_HEADER)) return undefined;
  return JSON.parse(header.slice(OPENCC_HEADER.length)) as Record<string, Stage[]>;
}

/** The stage plan of a tables file, read from its header. */
export function stagePlan(table: SortedLines): Record<string, Stage[]> {
  const plan = stagesIn(table.header());
  if (!plan) throw new Error('not a bitext OpenCC tables file');
  return plan;
}
