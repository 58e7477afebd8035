import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { BitextError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { type AuthEnv, Authenticator } from './auth.js';
import type { AppOptions, ServerDeps } from './deps.js';
import { errorResponse } from './errors.js';
import { Jobs } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { alignRoutes } from './routes/align.js';
import { alignmentRoutes } from './routes/alignments.js';
import { termsQaRoutes } from './routes/terms-qa.js';
import { tmRoutes } from './routes/tm.js';
import { tokenRoutes } from './routes/tokens.js';
import { uiRoutes } from './routes/ui.js';

/** The CLI's input limit (256 MiB): an upload is no bigger than a file `bitext align` reads. */
export const DEFAULT_MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** Where `npm run build` puts the review UI: dist/ui, beside the compiled server (or the sources' dist/). */
export function defaultUiDir(): string {
  return fileURLToPath(
    new URL(import.meta.url.endsWith('.ts') ? '../../dist/ui/' : '../ui/', import.meta.url),
  );
}

/**
 * The HTTP API and the review UI as a Hono app (web-standard Request → Response: tested with
 * `app.request()`, served by @hono/node-server). Routes only translate HTTP to the application layer
 * (src/app) and the review state; errors become JSON with the CLI's codes (errors.ts).
 */
export function createApp(options: AppOptions) {
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const deps: ServerDeps = {
    ...options,
    auth: new Authenticator(options.adminToken, options.state),
    jobs: new Jobs(),
    // Checks Content-Length first, so an oversize upload is refused before a byte of it is read.
    uploadLimit: bodyLimit({
      maxSize: maxUploadBytes,
      onError: () => {
        throw new BitextError(
          'UPLOAD_TOO_LARGE',
          `the upload is larger than the server's limit of ${maxUploadBytes} bytes`,
        );
      },
    }),
  };
  const app = new Hono<AuthEnv>();
  app.use(async (c, next) => {
    await next();
    // Documents are data, never markup: the page runs only its own script, JSON is never sniffed.
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
  });
  app.onError((error, c) => {
    if (error instanceof HTTPException)
      return errorResponse(c, new BitextError('BAD_REQUEST', error.message));
    return errorResponse(c, error);
  });
  app.notFound((c) =>
    errorResponse(c, new BitextError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`)),
  );

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  // Public (for load balancers and monitors): says nothing of the TM's content, only that the store answers.
  app.get('/api/health', async (c) => {
    await deps.store.tm.stats();
    return c.json({
      status: 'ok',
      version: VERSION,
      store: { backend: deps.store.backend },
      aligner: deps.aligner.load(),
    });
  });
  app.get('/api/session', deps.auth.require('viewer'), (c) => {
    const caller = c.get('caller');
    return c.json({ role: caller.role, ...(caller.csrf ? { csrf: caller.csrf } : {}) });
  });
  app.get('/api/jobs/:id', deps.auth.require('viewer'), (c) => {
    const job = deps.jobs.get(c.req.param('id'));
    if (!job)
      throw new BitextError(
        'JOB_NOT_FOUND',
        `no job "${c.req.param('id')}" (jobs are kept while the server runs)`,
      );
    return c.json(job);
  });
  app.route('/api/align', alignRoutes(deps));
  app.route('/api/alignments', alignmentRoutes(deps));
  app.route('/api/tm', tmRoutes(deps));
  app.route('/api', termsQaRoutes(deps));
  app.route('/api/tokens', tokenRoutes(deps));
  app.route('/', uiRoutes(deps, options.uiDir ?? defaultUiDir()));
  return app;
}
