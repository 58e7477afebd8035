import { Hono } from 'hono';
import { checkTranslations } from '../../app/qa.js';
import { saveReviewedPairs } from '../../app/review.js';
import { extractTermPairs, listTermEntries } from '../../app/terms.js';
import { BitextError } from '../../core/errors.js';
import type { Aligner } from '../align-pool.js';
import type { AuthEnv } from '../auth.js';
import type { ServerDeps } from '../deps.js';
import { readJsonObject } from '../request-body.js';
import { applyOperation, type ReviewOperation } from '../review/operations.js';
import { realignBetweenConfirmed, rescore, reshaped } from '../review/rescore.js';
import {
  exportAlignment,
  REVIEW_EXPORT_FORMATS,
  REVIEW_EXPORT_TYPES,
  type ReviewExportFormat,
} from '../review/review-export.js';
import { type ReviewBead, sideText } from '../review/review-model.js';
import { alignmentJson, alignmentSummary } from '../review/review-view.js';
import type { ReviewAlignment } from '../state/server-state.js';
import { streamBody } from './stream-body.js';

/** Earlier states kept for undo: enough for a long session, bounded so a file stays small. */
const MAX_UNDO = 500;

type Step = ReviewOperation | { op: 'undo' } | { op: 'redo' } | { op: 'realign' };

/** One step of the review: an operation (which clears redo), or undo / redo. */
function step(alignment: ReviewAlignment, operation: Step): ReviewAlignment {
  if (typeof operation !== 'object' || operation === null)
    throw new BitextError('REVIEW_BAD_OPERATION', 'each operation must be an object with an "op"');
  if (operation.op === 'undo' || operation.op === 'redo') {
    const [from, to] = operation.op === 'undo' ? (['undo', 'redo'] as const) : (['redo', 'undo'] as const);
    const previous = alignment[from].at(-1);
    if (!previous) throw new BitextError('REVIEW_BAD_OPERATION', `nothing to ${operation.op}`);
    return {
      ...alignment,
      beads: previous,
      [from]: alignment[from].slice(0, -1),
      [to]: [...alignment[to], alignment.beads],
    };
  }
  const beads = applyOperation(alignment.beads, operation as ReviewOperation);
  return withBeads(alignment, beads);
}

/** The alignment with new beads, the old ones kept for undo. */
function withBeads(alignment: ReviewAlignment, beads: ReviewBead[]): ReviewAlignment {
  return { ...alignment, beads, undo: [...alignment.undo, alignment.beads].slice(-MAX_UNDO), redo: [] };
}

/**
 * Applies the steps in order. `realign` re-aligns between the confirmed beads on a worker; after
 * any other change of shape or text the whole path is re-scored there, so each bead shows the
 * aligner's confidence in it as it now is (undo and redo bring back the confidences they had).
 */
async function applySteps(
  aligner: Aligner,
  current: ReviewAlignment,
  steps: Step[],
): Promise<ReviewAlignment> {
  let next = current;
  let score = false;
  for (const operation of steps) {
    if (typeof operation === 'object' && operation?.op === 'realign') {
      next = withBeads(next, await realignBetweenConfirmed(aligner, next.beads));
      score = false;
      continue;
    }
    const before = next.beads;
    next = step(next, operation);
    const history = operation.op === 'undo' || operation.op === 'redo';
    if (history) score = false;
    else if (reshaped(before, next.beads)) score = true;
  }
  return score ? { ...next, beads: await rescore(aligner, next.beads) } : next;
}

export function alignmentRoutes(deps: ServerDeps) {
  const { state, auth } = deps;
  const pairsOf = (alignment: ReviewAlignment) =>
    alignment.beads.map((b) => ({ zh: sideText(b, 'zh'), en: sideText(b, 'en') }));

  return new Hono<AuthEnv>()
    .get('/', auth.require('viewer'), (c) => c.json(state.alignments().map(alignmentSummary)))
    .get('/:id', auth.require('viewer'), (c) => c.json(alignmentJson(state.alignment(c.req.param('id')))))
    .post('/:id/operations', auth.require('editor'), async (c) => {
      const body = await readJsonObject(c);
      const operations = body['operations'];
      if (!Array.isArray(operations) || operations.length === 0)
        throw new BitextError('BAD_REQUEST', '"operations" must be a non-empty array of operations');
      const version = body['version'];
      if (version !== undefined && !Number.isInteger(version))
        throw new BitextError('BAD_REQUEST', '"version" must be an integer');
      const updated = await state.update(c.req.param('id'), async (current) => {
        if (version !== undefined && version !== current.version)
          throw new BitextError(
            'VERSION_CONFLICT',
            `the alignment is at version ${current.version}, not ${version}: reload it and apply the change again`,
          );
        return applySteps(deps.aligner, current, operations as Step[]);
      });
      return c.json(alignmentJson(updated));
    })
    .post('/:id/confirm', auth.require('editor'), async (c) => {
      const updated = await state.update(c.req.param('id'), (current) =>
        step(current, { op: 'confirm-all' }),
      );
      return c.json(alignmentJson(updated));
    })
    .post('/:id/save', auth.require('editor'), async (c) => {
      const alignment = state.alignment(c.req.param('id'));
      const pairs = pairsOf(alignment);
      const result = await saveReviewedPairs(
        deps.store.tm,
        alignment.name,
        alignment.beads.map((b, i) => ({
          ...pairs[i]!,
          confidence: b.confidence,
          approved: b.status === 'confirmed',
        })),
      );
      return c.json(result);
    })
    .get('/:id/export', auth.require('viewer'), async (c) => {
      const format = (c.req.query('format') ?? 'tmx') as ReviewExportFormat;
      if (!REVIEW_EXPORT_FORMATS.includes(format))
        throw new BitextError(
          'BAD_REQUEST',
          `format must be one of ${REVIEW_EXPORT_FORMATS.join(', ')}, got "${format}"`,
        );
      const alignment = state.alignment(c.req.param('id'));
      const base = alignment.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/\.[^.]*$/, '') || 'alignment';
      c.header('Content-Type', REVIEW_EXPORT_TYPES[format]);
      c.header('Content-Disposition', `attachment; filename="${encodeURIComponent(base)}.${format}"`);
      return streamBody(c, exportAlignment(alignment, format));
    })
    .get('/:id/qa', auth.require('viewer'), async (c) => {
      const alignment = state.alignment(c.req.param('id'));
      const termbase = await listTermEntries(deps.store.termbase);
      const run = checkTranslations([{ name: alignment.name, pairs: pairsOf(alignment) }], { termbase });
      return c.json(run);
    })
    .get('/:id/terms', auth.require('viewer'), (c) => {
      const alignment = state.alignment(c.req.param('id'));
      return c.json(extractTermPairs(pairsOf(alignment).filter((p) => p.zh && p.en)));
    })
    .delete('/:id', auth.require('admin'), async (c) => {
      await state.deleteAlignment(c.req.param('id'));
      return c.body(null, 204);
    });
}
