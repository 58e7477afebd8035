import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlignPool } from '../../src/server/align-pool.js';
import { createApp } from '../../src/server/app.js';
import { ServerState } from '../../src/server/state/server-state.js';
import { openStore, type Store } from '../../src/store/open-store.js';

export const ADMIN_TOKEN = 'bxt_test-admin-token-not-secret';

/** An app over a fresh SQLite store (or `db`), with a viewer and an editor token, for app.request() tests. */
export async function testApp(options: { maxUploadBytes?: number; db?: string; uiDir?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-serve-test-'));
  const store: Store = await openStore(options.db ?? join(dir, 'tm.db'));
  const state = new ServerState(join(dir, 'state'));
  const aligner = createAlignPool(1);
  const app = createApp({ store, state, aligner, adminToken: ADMIN_TOKEN, ...options });
  const tokens = {
    admin: ADMIN_TOKEN,
    editor: (await state.createToken('editor', 'test editor')).token,
    viewer: (await state.createToken('viewer', 'test viewer')).token,
  };
  return {
    app,
    store,
    state,
    tokens,
    dir,
    async close() {
      await aligner.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Role = 'admin' | 'editor' | 'viewer';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are what the assertions check
export type Json = any;
/** A Response whose JSON body is loosely typed, for assertions. */
export type JsonResponse = Omit<Response, 'json'> & { json(): Promise<Json> };

/** A request with a Bearer token of `role` (none when undefined), JSON or form body. */
export function call(
  app: { request: (input: string | Request, init?: RequestInit) => Response | Promise<Response> },
  tokens: Record<Role, string>,
  method: string,
  path: string,
  options: {
    role?: Role;
    json?: unknown;
    form?: FormData;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.role) headers['authorization'] = `Bearer ${tokens[options.role]}`;
  let body: RequestInit['body'] = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.form) body = options.form;
  return Promise.resolve(app.request(path, { method, headers, body }));
}
