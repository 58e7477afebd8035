import { type Context, Hono } from 'hono';
import { pairsOf } from '../../app/pair-input.js';
import { checkTranslations } from '../../app/qa.js';
import { extractTermPairs, listTermEntries } from '../../app/terms.js';
import { BitextError } from '../../core/errors.js';
import type { QaPair } from '../../core/qa/index.js';
import type { TermKind, TermStatus } from '../../core/terms/index.js';
import type { AuthEnv } from '../auth.js';
import type { ServerDeps } from '../deps.js';
import { isType, readJsonObject, readUploads, stringField } from '../request-body.js';

const STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'forbidden'];

/** The pairs of a request: an uploaded document or pair file ("file"), or {"text": …} to align. */
async function requestPairs(c: Context, deps: ServerDeps): Promise<{ name: string; pairs: QaPair[] }> {
  if (isType(c, 'multipart/form-data')) {
    const file = (await readUploads(c)).get('file');
    if (!file) throw new BitextError('BAD_REQUEST', 'upload the document as the "file" field');
    const extension = file.name.toLowerCase().match(/\.[^.]*$/)?.[0];
    // Aligned pair files and TM files are read as they are; a document is aligned on a worker.
    if (
      extension === '.tsv' ||
      extension === '.jsonl' ||
      extension === '.tmx' ||
      extension?.startsWith('.xl')
    )
      return { name: file.name, pairs: await pairsOf(file, { keepUnpaired: true }) };
    const result = await deps.aligner.align({ kind: 'document', input: file });
    return { name: file.name, pairs: pairsFromBeads(result) };
  }
  const body = await readJsonObject(c);
  const result = await deps.aligner.align({ kind: 'combined', text: stringField(body, 'text') });
  return { name: stringField(body, 'name', true) ?? 'pasted text', pairs: pairsFromBeads(result) };
}

function pairsFromBeads(result: Awaited<ReturnType<ServerDeps['aligner']['align']>>): QaPair[] {
  const text = (ids: number[], side: 'zh' | 'en') =>
    ids.map((id) => result[side][id]!.text).join(side === 'zh' ? '' : ' ');
  return result.beads.map((b) => ({ zh: text(b.zh, 'zh'), en: text(b.en, 'en') }));
}

/** QA on a document, term extraction from one, and the termbase (list; accept a term into it). */
export function termsQaRoutes(deps: ServerDeps) {
  const { auth } = deps;
  return new Hono<AuthEnv>()
    .post('/qa', auth.require('viewer'), deps.uploadLimit, async (c) => {
      const { name, pairs } = await requestPairs(c, deps);
      const termbase = await listTermEntries(deps.store.termbase);
      return c.json(checkTranslations([{ name, pairs }], { termbase }));
    })
    .post('/terms/extract', auth.require('viewer'), deps.uploadLimit, async (c) => {
      const { pairs } = await requestPairs(c, deps);
      return c.json(extractTermPairs(pairs.filter((p) => p.zh && p.en)));
    })
    .get('/terms', auth.require('viewer'), async (c) => {
      const status = c.req.query('status') as TermStatus | undefined;
      if (status !== undefined && !STATUSES.includes(status))
        throw new BitextError('BAD_REQUEST', `status must be one of ${STATUSES.join(', ')}`);
      return c.json(await deps.store.termbase.list({ status, zh: c.req.query('zh') }));
    })
    .post('/terms', auth.require('editor'), async (c) => {
      const body = await readJsonObject(c);
      const zh = stringField(body, 'zh').trim();
      const en = stringField(body, 'en').trim();
      if (!zh || !en) throw new BitextError('BAD_REQUEST', 'a term needs both "zh" and "en"');
      const status = (stringField(body, 'status', true) ?? 'preferred') as TermStatus;
      if (!STATUSES.includes(status))
        throw new BitextError('BAD_REQUEST', `status must be one of ${STATUSES.join(', ')}`);
      const kind = stringField(body, 'kind', true);
      const result = await deps.store.termbase.add([
        { zh, en, status, source: 'serve', ...(kind ? { kind: kind as TermKind } : {}) },
      ]);
      return c.json(result, result.added ? 201 : 200);
    })
    .delete('/terms/:id', auth.require('admin'), async (c) => {
      const id = Number(c.req.param('id'));
      if (!Number.isInteger(id) || !(await deps.store.termbase.remove(id)))
        throw new BitextError('NOT_FOUND', `no term ${c.req.param('id')}`);
      return c.body(null, 204);
    });
}
