import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Context, Hono } from 'hono';
import { deleteTmDocument, exportTm, importTmFile } from '../../app/tm.js';
import { BitextError } from '../../core/errors.js';
import type { Lang } from '../../core/types.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../store/export.js';
import type { AuthEnv } from '../auth.js';
import type { ServerDeps } from '../deps.js';
import { numberParam, readUploads } from '../request-body.js';
import { streamBody } from './stream-body.js';

const EXPORT_TYPES: Record<ExportFormat, string> = {
  tmx: 'application/x-tmx+xml; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  xliff: 'application/xliff+xml; charset=utf-8',
  xliff2: 'application/xliff+xml; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function langParam(c: Context): Lang | undefined {
  const lang = c.req.query('lang');
  if (lang === undefined || lang === '') return undefined;
  if (lang !== 'zh' && lang !== 'en')
    throw new BitextError('BAD_REQUEST', `lang must be zh or en, got "${lang}"`);
  return lang;
}

function requiredQuery(c: Context, name: string): string {
  const value = c.req.query(name);
  if (value === undefined || value.trim() === '')
    throw new BitextError('BAD_REQUEST', `the query needs ${name}=…`);
  return value;
}

function dateParam(c: Context, name: string): Date | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new BitextError('BAD_REQUEST', `${name} must be a date such as 2026-01-31, got "${value}"`);
  return date;
}

/** The TM: lookup, concordance, documents, import, export: what `bitext tm` does, over HTTP. */
export function tmRoutes(deps: ServerDeps) {
  const { auth } = deps;
  const tm = () => deps.store.tm;
  return new Hono<AuthEnv>()
    .get('/lookup', auth.require('viewer'), async (c) => {
      const matches = await tm().lookup(requiredQuery(c, 'q'), {
        lang: langParam(c),
        min: numberParam(c, 'min', 70, 0, 100),
        limit: numberParam(c, 'limit', 5, 1, 100),
      });
      return c.json(
        matches.map((m) => ({
          score: m.score,
          zh: m.unit.zh,
          en: m.unit.en,
          numbers: m.numbers,
          unit: m.unit,
        })),
      );
    })
    .get('/search', auth.require('viewer'), async (c) => {
      const hits = await tm().search(requiredQuery(c, 'q'), {
        lang: langParam(c),
        limit: numberParam(c, 'limit', 20, 1, 500),
      });
      return c.json(hits);
    })
    .get('/documents', auth.require('viewer'), async (c) => c.json(await tm().documents()))
    .get('/stats', auth.require('viewer'), async (c) => c.json(await tm().stats()))
    .delete('/documents/:ref', auth.require('admin'), async (c) => {
      const deleted = await deleteTmDocument(tm(), c.req.param('ref'));
      return c.json({ deleted });
    })
    .post('/import', auth.require('editor'), deps.uploadLimit, async (c) => {
      const file = (await readUploads(c)).get('file');
      if (!file)
        throw new BitextError('BAD_REQUEST', 'upload the TMX, TSV or XLIFF file as the "file" field');
      // importFile streams from a path (a TM can be larger than memory on the CLI); the upload is
      // already in memory here, so it goes through a private temporary file.
      const run = async (onProgress?: (read: number) => void) => {
        const dir = await mkdtemp(join(tmpdir(), 'bitext-import-'));
        try {
          const path = join(dir, basename(file.name) || 'upload');
          await writeFile(path, file.bytes);
          const result = await importTmFile(tm(), path, {
            displayName: file.name,
            onProgress: onProgress && ((p) => onProgress(p.done)),
          });
          return { file: file.name, ...result };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      };
      if (c.req.query('async') === undefined) return c.json(await run());
      const job = deps.jobs.start('import', (progress) => run((done) => progress({ phase: 'import', done })));
      c.header('Location', `/api/jobs/${job.id}`);
      return c.json(job, 202);
    })
    .get('/export', auth.require('viewer'), async (c) => {
      const format = (c.req.query('format') ?? 'tmx') as ExportFormat;
      if (!EXPORT_FORMATS.includes(format))
        throw new BitextError(
          'BAD_REQUEST',
          `format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`,
        );
      const minConfidence =
        c.req.query('minConfidence') === undefined ? undefined : numberParam(c, 'minConfidence', 0, 0, 1);
      const chunks = await exportTm(tm(), format, {
        document: c.req.query('document'),
        since: dateParam(c, 'since'),
        until: dateParam(c, 'until'),
        minConfidence,
        zhLang: c.req.query('zhLang'),
        enLang: c.req.query('enLang'),
      });
      c.header('Content-Type', EXPORT_TYPES[format]);
      c.header('Content-Disposition', `attachment; filename="tm.${format === 'xliff2' ? 'xlf' : format}"`);
      return streamBody(c, chunks);
    });
}
