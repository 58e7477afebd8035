import { type Context, Hono } from 'hono';
import { BitextError } from '../../core/errors.js';
import type { AlignRequest } from '../align-job.js';
import type { AuthEnv } from '../auth.js';
import type { ServerDeps } from '../deps.js';
import { isType, readJsonObject, readUploads, stringField } from '../request-body.js';
import { alignmentJson, reviewBeadsOf } from '../review/review-view.js';

/** POST /api/align: a text, a zh/en pair of texts, or uploaded files, aligned on a worker and stored for review. */
export function alignRoutes(deps: ServerDeps) {
  return new Hono<AuthEnv>().post('/', deps.auth.require('editor'), deps.uploadLimit, async (c) => {
    const { request, name } = await alignRequestOf(c);
    const align = async (onProgress?: (done: number, total: number) => void) => {
      const result = await deps.aligner.align(request, onProgress);
      const alignment = await deps.state.createAlignment({
        name,
        format: result.format,
        layout: result.layout,
        beads: reviewBeadsOf(result),
      });
      return alignmentJson(alignment);
    };
    if (c.req.query('async') === undefined) return c.json(await align(), 201);
    // A job: 202 at once, the progress and the alignment at GET /api/jobs/ID.
    const job = deps.jobs.start('align', (progress) =>
      align((done, total) => progress({ phase: 'align', done, total })),
    );
    c.header('Location', `/api/jobs/${job.id}`);
    return c.json(job, 202);
  });
}

async function alignRequestOf(c: Context): Promise<{ request: AlignRequest; name: string }> {
  if (isType(c, 'multipart/form-data')) {
    const files = await readUploads(c);
    const file = files.get('file');
    const zh = files.get('zh');
    const en = files.get('en');
    if (file) return { request: { kind: 'document', input: file }, name: file.name };
    if (zh && en) return { request: { kind: 'documents', zh, en }, name: `${zh.name} + ${en.name}` };
    throw new BitextError(
      'BAD_REQUEST',
      'upload one bilingual document as "file", or one file per language as "zh" and "en"',
    );
  }
  const body = await readJsonObject(c);
  const name = stringField(body, 'name', true);
  if (body['text'] !== undefined) {
    const text = stringField(body, 'text');
    return { request: { kind: 'combined', text }, name: name ?? 'pasted text' };
  }
  if (body['zh'] !== undefined || body['en'] !== undefined) {
    const zh = stringField(body, 'zh');
    const en = stringField(body, 'en');
    return { request: { kind: 'pair', zh, en }, name: name ?? 'pasted texts' };
  }
  throw new BitextError('BAD_REQUEST', 'give {"text": …} (one bilingual document) or {"zh": …, "en": …}');
}
