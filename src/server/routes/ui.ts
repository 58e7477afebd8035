import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { BitextError } from '../../core/errors.js';
import { type AuthEnv, SESSION_COOKIE } from '../auth.js';
import type { ServerDeps } from '../deps.js';

const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/**
 * The review UI: one page and its two assets, built by `npm run build` (esbuild, no CDN). Opening
 * `/?token=…` trades the token for an HttpOnly session cookie and redirects to the clean URL, so the
 * token leaves the address bar and the history (Jupyter's habit).
 */
export function uiRoutes(deps: ServerDeps, uiDir: string) {
  const page = async () => {
    try {
      return await readFile(join(uiDir, 'index.html'), 'utf8');
    } catch {
      throw new BitextError('UI_NOT_BUILT', `the review UI is not built (${uiDir}): run npm run build`);
    }
  };
  return new Hono<AuthEnv>()
    .get('/', async (c) => {
      const token = c.req.query('token');
      if (token !== undefined) {
        const session = deps.auth.openSession(token);
        if (!session) throw new BitextError('UNAUTHORIZED', 'the token in the link is not valid');
        setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Strict', path: '/' });
        return c.redirect('/', 303);
      }
      // Without a session the page itself says how to sign in (GET /api/session answers 401).
      c.header('Cache-Control', 'no-store');
      return c.html(await page());
    })
    .get('/ui/:asset', async (c) => {
      const asset = c.req.param('asset');
      const type = ASSETS[asset];
      if (!type) throw new BitextError('NOT_FOUND', `no asset ${asset}`);
      c.header('Content-Type', type);
      return c.body(await readFile(join(uiDir, asset)));
    });
}
