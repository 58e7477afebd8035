import { BitextError } from '../errors.js';
import { prepareChineseText } from '../lexicon/jieba.js';
import { foldToSimplified } from '../lexicon/script.js';
import type { Bead } from '../types.js';
import {
  aloneCost,
  type FixedBead,
  fixedPoints,
  pathOf,
  posteriorsBetween,
  searchBetween,
} from './anchors.js';
import { beadShapes, withShapesOf } from './bead-shapes.js';
import { kernelCostOf } from './cost-sum.js';
import { chineseContentWords, englishStemsOf } from './dictionary-evidence.js';
import {
  type EvidenceInput,
  type EvidenceKind,
  type EvidenceSwitches,
  type EvidenceTerms,
  sumOf,
  weightsFor,
} from './evidence.js';
import { DEFAULT_EVIDENCE } from './evidence-kinds.js';
import { beadPosteriors } from './posterior.js';
import { type RangeBead, type RangeCost, searchAlignment } from './search.js';
import { type SearchTuning, TUNING } from './tuning.js';

/**
 * Tuned constants for one call: the search's (`tuning.ts`) and, by kind name, any of a kind's weights
 * (over its tuned ones). Nothing is changed for other calls.
 */
export interface AlignTuning extends Partial<SearchTuning> {
  weights?: Readonly<Record<string, object>>;
}

export interface AlignOptions {
  /** Paragraph index of each zh sentence (when the input has paragraphs). */
  zhParagraphs?: readonly number[];
  enParagraphs?: readonly number[];
  /** Kinds of evidence switched off (false) by name; all are on by default. */
  evidence?: EvidenceSwitches;
  /**
   * The kinds of evidence to weigh, in the order their costs are summed (default `DEFAULT_EVIDENCE`):
   * a caller's own kind is one more entry, for its own calls only.
   */
  kinds?: readonly EvidenceKind[];
  /** Tuned constants for this call only (the defaults are the kinds' weights and `TUNING`). */
  tuning?: AlignTuning;
  /**
   * Beads a user confirmed (ids as in the result): kept as they are, and only the stretches between
   * them are re-aligned (with the whole document's evidence). Their confidence is 1.
   */
  fixed?: readonly FixedBead[];
  /**
   * Called after each pass of the search (done of total): a large document takes tens of seconds,
   * and a caller with a terminal shows how far it is.
   */
  onProgress?: (done: number, total: number) => void;
}

export type { FixedBead } from './anchors.js';
export type { EvidenceInput, EvidenceKind, EvidenceSwitches, EvidenceTerms } from './evidence.js';
export { DEFAULT_EVIDENCE, EVIDENCE_NAMES } from './evidence-kinds.js';
export type { RangeBead, RangeCost } from './search.js';
export { type SearchTuning, TUNING } from './tuning.js';

/**
 * Aligns the sentences of a Chinese text with those of its English translation (or source).
 * Returns monotone beads covering every sentence of both sides exactly once, in order.
 * Traditional Chinese is folded to Simplified internally, so it aligns like Simplified.
 */
export function alignSentences(
  zh: readonly string[],
  en: readonly string[],
  options: AlignOptions = {},
): Bead[] {
  if (zh.length === 0 || en.length === 0) {
    return [
      ...zh.map((_, id) => ({ zh: [id], en: [], confidence: 1 })),
      ...en.map((_, id) => ({ zh: [], en: [id], confidence: 1 })),
    ];
  }
  const { path, confidences } = alignPath(zh, en, options);
  return path.map((b, k) => ({
    zh: range(b.zhStart, b.zhEnd),
    en: range(b.enStart, b.enEnd),
    confidence: confidences[k]!,
  }));
}

/**
 * Re-scores an alignment a user edited: each bead's confidence under the aligner's model (its
 * posterior, as `alignSentences` gives), with the document's calibrated evidence learned from the
 * edited alignment itself. The beads must cover both sides once, in order; ids as in `alignSentences`.
 */
export function scoreAlignment(
  zh: readonly string[],
  en: readonly string[],
  beads: readonly FixedBead[],
  options: Omit<AlignOptions, 'fixed'> = {},
): number[] {
  const edited = pathOf(beads, zh.length, en.length);
  if (zh.length === 0 || en.length === 0) return edited.map(() => 1);
  return alignPath(zh, en, options, edited).confidences;
}

/** The alignment (or, given `edited`, that path re-scored) and its beads' posteriors. */
function alignPath(
  zh: readonly string[],
  en: readonly string[],
  options: AlignOptions,
  edited?: readonly RangeBead[],
): { path: RangeBead[]; confidences: number[] } {
  for (const [side, paragraphs, count] of [
    ['zhParagraphs', options.zhParagraphs, zh.length],
    ['enParagraphs', options.enParagraphs, en.length],
  ] as const) {
    if (paragraphs && paragraphs.length !== count) {
      throw new BitextError(
        'BAD_OPTION',
        `${side} has ${paragraphs.length} entries, expected one per sentence (${count})`,
      );
    }
  }
  const tuning: SearchTuning = { ...TUNING, ...definedOf(options.tuning) };
  const kinds = enabledKinds(options);
  const zhFolded = zh.map(foldToSimplified);
  // jieba loads the words of these characters once, not sentence by sentence as they come.
  prepareChineseText(zhFolded);
  let zhWords: string[][] | undefined;
  let enStems: string[][] | undefined;
  const lexical: RangeCost[] = [];
  const input: { -readonly [K in keyof EvidenceInput]: EvidenceInput[K] } = {
    zh: zhFolded,
    en,
    zhParagraphs: options.zhParagraphs,
    enParagraphs: options.enParagraphs,
    zhWords: () => (zhWords ??= zhFolded.map(chineseContentWords)),
    enStems: () => (enStems ??= englishStemsOf(en)),
    lexical,
  };
  // The document-level kinds, in list order: each may read what the kinds before it found.
  const built: (EvidenceTerms | undefined)[] = kinds.map(({ kind, weights }) => {
    if (kind.phase !== 'document') return undefined;
    const terms = kind.build(input, weights);
    if (terms && kind.lexical) lexical.push(...terms.costs);
    if (terms?.withoutCounterpart) input.withoutCounterpart = terms.withoutCounterpart;
    return terms;
  });

  const anchors = options.fixed?.length ? fixedPoints(options.fixed, zh.length, en.length) : undefined;
  const anchorTerms: RangeCost[] =
    anchors && (anchors.zhAlone.size > 0 || anchors.enAlone.size > 0)
      ? [aloneCost(anchors.zhAlone, anchors.enAlone)]
      : [];

  // The costs of the document kinds before the first kind a later pass rebuilds lead every pass's
  // sum alike: one sum of them serves every pass, and keeps its values over the first search's
  // finest band (searched, not edited or anchored), which the later pass, whose band lies mostly
  // inside that one, reads back instead of weighing the words of every bead again. A sum of its own
  // (kernelCostOf), or it would merge with the coverage term after it.
  const firstRebuilt = kinds.findIndex(
    ({ kind }, k) => kind.phase === 'calibrated' || built[k]?.recalibrate !== undefined,
  );
  const leading = built
    .slice(0, firstRebuilt < 0 ? built.length : firstRebuilt)
    .flatMap((t) => t?.costs ?? []);
  const leadingSum = leading.length > 0 ? kernelCostOf(sumOf(leading)) : undefined;
  const shared = leadingSum && !edited && !anchors ? leadingSum : undefined;
  /** The sum of a pass's terms, whose first ones are `leading`. */
  const sumOfPass = (terms: readonly RangeCost[]) =>
    sumOf(leadingSum ? [leadingSum, ...terms.slice(leading.length)] : terms);

  const surcharges = { manyToMany: tuning.manyToManyCost, empty: tuning.emptyCost };
  let shapes = edited ? withShapesOf(beadShapes(surcharges), edited, surcharges) : beadShapes(surcharges);
  const search = (zhCount: number, enCount: number, cost: RangeCost, guide?: readonly RangeBead[]) =>
    searchAlignment(zhCount, enCount, {
      shapes,
      cost,
      guide,
      bandWidth: tuning.bandWidth,
      fullSearchCells: tuning.fullSearchCells,
      shared,
    });
  // An edited path is what every pass "finds": its evidence is calibrated on it and it is scored.
  const run = (cost: RangeCost, guide?: readonly RangeBead[]): RangeBead[] =>
    edited
      ? edited.map((b) => ({ ...b, cost: cost(b.zhStart, b.zhEnd, b.enStart, b.enEnd) }))
      : anchors
        ? searchBetween(zh.length, en.length, anchors.points, cost, search, guide)
        : search(zh.length, en.length, cost, guide);

  // Passes after the first: as many as a calibrated kind asks for, or one to re-estimate a document
  // kind (the length variance) on the first alignment.
  let rounds = built.some((terms) => terms?.recalibrate) ? 1 : 0;
  for (const { kind, weights } of kinds)
    if (kind.phase === 'calibrated') rounds = Math.max(rounds, kind.rounds?.(weights) ?? 1);
  // The first pass, the later ones, then the posteriors: what onProgress counts.
  const passes = rounds + 2;
  let passesDone = 0;
  const passDone = () => options.onProgress?.(++passesDone, passes);
  let cost = sumOfPass([...built.flatMap((terms) => terms?.costs ?? []), ...anchorTerms]);
  let path = run(cost);
  passDone();
  const firstPass = path;
  const recalibrated = built.map((terms) => terms?.recalibrate?.(firstPass) ?? terms?.costs ?? []);
  if (tuning.shapePriorWeight > 0) {
    const counts = new Map<string, number>();
    for (const b of path) {
      const key = `${b.zhEnd - b.zhStart}-${b.enEnd - b.enStart}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    shapes = beadShapes(surcharges, { counts, priorWeight: tuning.shapePriorWeight });
  }
  // Later passes, in a band around the path before: calibrated kinds are built on that path (the
  // dialogue and question costs cost nothing where the first pass says they do not hold; the learned
  // translations come from it), each for as many rounds as it asks, then kept as last built.
  const calibrated: (readonly RangeCost[])[] = kinds.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const previous = path;
    kinds.forEach(({ kind, weights }, k) => {
      if (kind.phase === 'calibrated' && round < (kind.rounds?.(weights) ?? 1))
        calibrated[k] = kind.build(input, weights, previous)?.costs ?? [];
    });
    const terms = kinds.flatMap(({ kind }, k) =>
      kind.phase === 'document' ? recalibrated[k]! : calibrated[k]!,
    );
    cost = sumOfPass([...terms, ...anchorTerms]);
    path = run(cost, previous);
    passDone();
  }
  const posteriors = (zhCount: number, enCount: number, beads: readonly RangeBead[], beadCost: RangeCost) =>
    beadPosteriors(zhCount, enCount, beads, {
      shapes,
      cost: beadCost,
      bandWidth: tuning.confidenceBandWidth,
      temperature: tuning.confidenceTemperature,
    });
  const confidences = anchors
    ? posteriorsBetween(zh.length, en.length, anchors.points, path, cost, posteriors)
    : posteriors(zh.length, en.length, path, cost);
  passDone();
  return { path, confidences };
}

/** The kinds of this call that are switched on and active under its weights, with their weights. */
function enabledKinds(options: AlignOptions): { kind: EvidenceKind; weights: object }[] {
  const kinds = options.kinds ?? DEFAULT_EVIDENCE;
  const names = new Set(kinds.map((k) => k.name));
  if (names.size !== kinds.length)
    throw new BitextError('BAD_OPTION', 'kinds: two kinds of evidence have the same name');
  for (const [what, record] of [
    ['evidence', options.evidence],
    ['tuning.weights', options.tuning?.weights],
  ] as const) {
    const unknown = Object.keys(record ?? {}).find((name) => !names.has(name));
    if (unknown !== undefined)
      throw new BitextError(
        'BAD_OPTION',
        `${what}: unknown evidence "${unknown}" (expected some of ${[...names].join(', ')})`,
      );
  }
  return kinds
    .filter((kind) => options.evidence?.[kind.name] !== false)
    .map((kind) => ({ kind, weights: weightsFor(kind, options.tuning?.weights) }))
    .filter(({ kind, weights }) => kind.active?.(weights) ?? true);
}

/** The search constants a caller set (an undefined one keeps its default). */
function definedOf(tuning: AlignTuning | undefined): Partial<SearchTuning> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(tuning ?? {}))
    if (key !== 'weights' && typeof value === 'number') out[key] = value;
  return out;
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}
