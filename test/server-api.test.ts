import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/server/openapi.js';
import { EXAMPLE_PATH, readExample } from './helpers.js';
import { call, type JsonResponse, type Role, testApp } from './support/server-app.js';
import { validateTmx } from './tmx-dtd.js';

let t: Awaited<ReturnType<typeof testApp>>;
const req = (method: string, path: string, options: Parameters<typeof call>[4] = {}) =>
  call(t.app, t.tokens, method, path, options);
const raw = (input: string | Request, init?: RequestInit) =>
  Promise.resolve(t.app.request(input, init)) as Promise<JsonResponse>;
const exampleFile = () => new File([readFileSync(EXAMPLE_PATH)], 'press-release.txt', { type: 'text/plain' });

/** Aligns the bundled press release as an editor and returns the stored alignment. */
async function alignSample() {
  const form = new FormData();
  form.set('file', exampleFile());
  const response = await req('POST', '/api/align', { role: 'editor', form });
  expect(response.status).toBe(201);
  return (await response.json()) as {
    id: string;
    version: number;
    pairs: Array<{ zh: string; en: string; confidence: number | null; status: string }>;
    beads: unknown[];
    canUndo: boolean;
    canRedo: boolean;
    progress: { confirmed: number; total: number };
  };
}

beforeAll(async () => {
  t = await testApp({ maxUploadBytes: 64 * 1024 });
});
afterAll(async () => t.close());

describe('bitext serve API', () => {
  it('answers /api/health and /openapi.json without a token; the document validates and names every route', async () => {
    const health = await req('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: { backend: 'sqlite' } });

    const response = await req('GET', '/openapi.json');
    expect(response.status).toBe(200);
    const document = await response.json();
    await SwaggerParser.validate(structuredClone(document));
    // Every route of the app is documented, and every documented path is a route.
    const routes = new Set(
      t.app.routes
        .filter((r) => (r.method !== 'ALL' && r.path.startsWith('/api')) || r.path === '/openapi.json')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(openApiDocument().paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((k) => ['get', 'post', 'put', 'delete', 'patch'].includes(k))
          .map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('aligns {"text"}, {"zh","en"} and an uploaded file into stored alignments with pairs and confidences', async () => {
    const lines = readExample()
      .split('\n')
      .filter((l) => l.trim());
    const fromText = await req('POST', '/api/align', { role: 'editor', json: { text: readExample() } });
    expect(fromText.status).toBe(201);
    const text = await fromText.json();
    expect(text.pairs).toHaveLength(5);
    for (const pair of text.pairs) {
      expect(pair.confidence).toBeGreaterThan(0);
      expect(pair.confidence).toBeLessThanOrEqual(1);
    }
    const fromPair = await req('POST', '/api/align', {
      role: 'editor',
      json: { zh: lines.slice(0, 5).join('\n'), en: lines.slice(5).join('\n') },
    });
    expect(fromPair.status).toBe(201);
    expect((await fromPair.json()).pairs.map((p: { en: string }) => p.en)).toEqual(
      text.pairs.map((p: { en: string }) => p.en),
    );
    const uploaded = await alignSample();
    expect(uploaded.pairs.map((p) => p.zh)).toEqual(text.pairs.map((p: { zh: string }) => p.zh));
    expect(uploaded.progress).toEqual({ confirmed: 0, total: 5 });

    const stored = await req('GET', `/api/alignments/${uploaded.id}`, { role: 'viewer' });
    expect(stored.status).toBe(200);
    expect((await stored.json()).pairs).toEqual(uploaded.pairs);
    const list = await (await req('GET', '/api/alignments', { role: 'viewer' })).json();
    expect(list.map((a: { id: string }) => a.id)).toContain(uploaded.id);
  });

  it('reviews: merge, split, undo, redo, confirm, with a version check (409) and bad operations (400)', async () => {
    const aligned = await alignSample();
    const ops = (operations: unknown[], version?: number) =>
      req('POST', `/api/alignments/${aligned.id}/operations`, {
        role: 'editor',
        json: { operations, version },
      });

    const merged = await (await ops([{ op: 'merge', bead: 1 }], aligned.version)).json();
    expect(merged.pairs).toHaveLength(4);
    expect(merged.pairs[1].zh).toBe(aligned.pairs[1]!.zh + aligned.pairs[2]!.zh);
    // Re-scored after the edit: the aligner doubts a bead glued from two.
    expect(merged.pairs[1].confidence).toBeGreaterThanOrEqual(0);
    expect(merged.pairs[1].confidence).toBeLessThan(aligned.pairs[1]!.confidence!);
    expect(merged.canUndo).toBe(true);

    const stale = await ops([{ op: 'confirm', bead: 0 }], aligned.version);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('VERSION_CONFLICT');

    const split = await (await ops([{ op: 'split', bead: 1 }])).json();
    expect(split.pairs.map((p: { zh: string }) => p.zh)).toEqual(aligned.pairs.map((p) => p.zh));
    const undone = await (await ops([{ op: 'undo' }])).json();
    expect(undone.pairs).toHaveLength(4);
    const redone = await (await ops([{ op: 'redo' }])).json();
    expect(redone.pairs).toHaveLength(5);
    expect(redone.canRedo).toBe(false);

    const confirmed = await (await ops([{ op: 'confirm-above', bead: 2 }])).json();
    expect(confirmed.progress).toEqual({ confirmed: 3, total: 5 });

    // Re-align between anchors: glue beads 4 and 5, then re-align; the confirmed beads stay put.
    const glued = await (await ops([{ op: 'merge', bead: 3 }])).json();
    expect(glued.pairs).toHaveLength(4);
    const realigned = await (await ops([{ op: 'realign' }])).json();
    expect(realigned.pairs.map((p: { zh: string }) => p.zh)).toEqual(aligned.pairs.map((p) => p.zh));
    expect(realigned.pairs.map((p: { status: string }) => p.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'pending',
      'pending',
    ]);

    for (const [operation, pattern] of [
      [{ op: 'merge', bead: 4 }, /bead after bead 5 does not exist/],
      [{ op: 'split', bead: 0 }, /two sentences to split/],
      [{ op: 'edit', bead: 0, side: 'fr', sentence: 0, text: 'x' }, /side must be/],
      [{ op: 'explode', bead: 0 }, /unknown operation "explode"/],
      [{ op: 'redo' }, /nothing to redo/],
    ] as const) {
      const response = await ops([operation]);
      expect(response.status, JSON.stringify(operation)).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe('REVIEW_BAD_OPERATION');
      expect(error.message).toMatch(pattern);
    }
    // A refused operation in a batch changes nothing.
    const after = await (await req('GET', `/api/alignments/${aligned.id}`, { role: 'viewer' })).json();
    expect(after.progress).toEqual({ confirmed: 3, total: 5 });
  });

  it('saves to the TM (confirmed approved, the rest pending) and exports TMX valid against the DTD, XLSX and TSV', async () => {
    const aligned = await alignSample();
    await req('POST', `/api/alignments/${aligned.id}/operations`, {
      role: 'editor',
      json: { operations: [{ op: 'confirm', bead: 0 }] },
    });
    const saved = await req('POST', `/api/alignments/${aligned.id}/save`, { role: 'editor' });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ read: 5 });

    const lookup = await req('GET', `/api/tm/lookup?q=${encodeURIComponent(aligned.pairs[0]!.zh)}`, {
      role: 'viewer',
    });
    const matches = await lookup.json();
    expect(matches[0].score).toBe(100);
    expect(matches[0].en).toBe(aligned.pairs[0]!.en);
    expect(matches[0].unit.meta.props).toEqual([{ type: 'x-status', value: 'approved' }]);

    const tmx = await req('GET', `/api/alignments/${aligned.id}/export?format=tmx`, { role: 'viewer' });
    expect(tmx.headers.get('content-type')).toMatch(/tmx/);
    const xml = await tmx.text();
    expect(await validateTmx(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<prop type="x-status">approved</prop>');
    expect(xml.match(/<prop type="x-status">pending<\/prop>/g)).toHaveLength(4);
    expect(xml.match(/<prop type="x-source-position">/g)).toHaveLength(10);

    const tsv = await (
      await req('GET', `/api/alignments/${aligned.id}/export?format=tsv`, { role: 'viewer' })
    ).text();
    expect(tsv.split('\n')[0]).toBe('zh\ten\tconfidence\tstatus\tzh ids\ten ids\tzh position\ten position');
    // The first pair's sentences open the sample's first Chinese and first English lines of the file.
    const lines = readExample().split('\n');
    const zhLine = lines.findIndex((l) => /\p{Script=Han}/u.test(l)) + 1;
    const enLine = lines.findIndex((l) => /^[A-Z]/.test(l)) + 1;
    expect(tsv.split('\n')[1]).toMatch(
      new RegExp(`\\tconfirmed\\t0\\t0\\tline ${zhLine}, column 1\\tline ${enLine}, column 1$`),
    );
    const xlsx = await req('GET', `/api/alignments/${aligned.id}/export?format=xlsx`, { role: 'viewer' });
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const bad = await req('GET', `/api/alignments/${aligned.id}/export?format=docx`, { role: 'viewer' });
    expect(bad.status).toBe(400);
  });

  it('QA on an alignment finds the sample slip and links it to its pair; terms are extracted and accepted', async () => {
    const aligned = await alignSample();
    const qa = await (await req('GET', `/api/alignments/${aligned.id}/qa`, { role: 'viewer' })).json();
    const slip = qa.findings.find((f: { check: string; message: string }) => f.check === 'name');
    expect(slip.message).toMatch(/Yuan Zhibing|袁智兵|Secretary General/);
    expect(aligned.pairs[slip.pair]!.en).toContain('Secretary General');

    const terms = await (await req('GET', `/api/alignments/${aligned.id}/terms`, { role: 'viewer' })).json();
    expect(
      terms.some((p: { zh: string; en: string }) => p.zh.includes('王廣成') && p.en === 'Wang Guangcheng'),
    ).toBe(true);
    const accepted = await req('POST', '/api/terms', {
      role: 'editor',
      json: { zh: '王廣成', en: 'Wang Guangcheng', kind: 'person' },
    });
    expect(accepted.status).toBe(201);
    const list = await (await req('GET', '/api/terms', { role: 'viewer' })).json();
    expect(list.map((e: { en: string }) => e.en)).toContain('Wang Guangcheng');

    const form = new FormData();
    form.set('file', new File(['只有一列\n'], 'pairs.tsv'));
    const badTsv = await req('POST', '/api/qa', { role: 'viewer', form });
    expect(badTsv.status).toBe(400);
    expect(await badTsv.json()).toEqual({
      error: {
        code: 'TSV_MALFORMED',
        message: 'pairs.tsv:1: expected two tab-separated columns (zh<TAB>en), found one',
        location: { file: 'pairs.tsv', line: 1 },
      },
    });
    const pasted = await (
      await req('POST', '/api/qa', { role: 'viewer', json: { text: readExample() } })
    ).json();
    expect(pasted.findings.map((f: { check: string }) => f.check)).toContain('name');
  });

  it('TM routes: import a TMX upload, list, search, export, delete (admin)', async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
<body><tu><tuv xml:lang="zh-CN"><seg>重慶史迪威博物館開放。</seg></tuv><tuv xml:lang="en-US"><seg>The Chongqing Stilwell Museum opens.</seg></tuv></tu></body></tmx>`;
    const form = new FormData();
    form.set('file', new File([tmx], 'museum.tmx'));
    const imported = await req('POST', '/api/tm/import', { role: 'editor', form });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ file: 'museum.tmx', added: 1 });
    const documents = await (await req('GET', '/api/tm/documents', { role: 'viewer' })).json();
    const museum = documents.find((d: { name: string }) => d.name === 'museum.tmx');
    expect(museum.units).toBe(1);
    const hits = await (
      await req('GET', `/api/tm/search?q=${encodeURIComponent('史迪威')}`, { role: 'viewer' })
    ).json();
    expect(hits.some((h: { unit: { en: string } }) => h.unit.en.includes('Stilwell Museum opens'))).toBe(
      true,
    );
    const exported = await req('GET', `/api/tm/export?format=tmx&document=${museum.id}`, { role: 'viewer' });
    expect(await exported.text()).toContain('The Chongqing Stilwell Museum opens.');
    expect((await req('GET', '/api/tm/lookup', { role: 'viewer' })).status).toBe(400);
    expect((await req('GET', '/api/tm/lookup?q=x&min=101', { role: 'viewer' })).status).toBe(400);
    expect((await req('DELETE', `/api/tm/documents/${museum.id}`, { role: 'editor' })).status).toBe(403);
    expect((await req('DELETE', `/api/tm/documents/${museum.id}`, { role: 'admin' })).status).toBe(200);
    expect((await req('DELETE', `/api/tm/documents/${museum.id}`, { role: 'admin' })).status).toBe(404);
  });

  it('runs long work as a job: 202 with the job, its progress, then its result or its error', async () => {
    const poll = async (id: string) => {
      for (;;) {
        const job = await (await req('GET', `/api/jobs/${id}`, { role: 'viewer' })).json();
        if (job.status !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const started = await req('POST', '/api/align?async', { role: 'editor', json: { text: readExample() } });
    expect(started.status).toBe(202);
    const job = await started.json();
    expect(started.headers.get('location')).toBe(`/api/jobs/${job.id}`);
    expect(job).toMatchObject({ kind: 'align', status: 'running' });
    const done = await poll(job.id);
    expect(done.status).toBe('done');
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.progress.total).toBeGreaterThan(0);
    const stored = await (await req('GET', `/api/alignments/${done.result.id}`, { role: 'viewer' })).json();
    expect(stored.pairs).toHaveLength(5);

    const form = new FormData();
    form.set('file', new File(['<tmx version="1.4"><body><tu>'], 'broken.tmx'));
    const importing = await req('POST', '/api/tm/import?async', { role: 'editor', form });
    expect(importing.status).toBe(202);
    const failed = await poll((await importing.json()).id);
    expect(failed.status).toBe('failed');
    expect(failed.error.status).toBe(400);
    expect(failed.error.message).toMatch(/^broken\.tmx/);
    expect((await req('GET', '/api/jobs/nosuchjob', { role: 'viewer' })).status).toBe(404);
  });

  it('the auth matrix: no token 401, a wrong one 401, too low a role 403, enough passes', async () => {
    const aligned = await alignSample();
    const id = aligned.id;
    const routes: Array<[string, string, Role, object?]> = [
      ['GET', '/api/session', 'viewer'],
      ['GET', '/api/alignments', 'viewer'],
      ['GET', `/api/alignments/${id}`, 'viewer'],
      ['GET', `/api/alignments/${id}/export?format=tsv`, 'viewer'],
      ['GET', `/api/alignments/${id}/qa`, 'viewer'],
      ['GET', `/api/alignments/${id}/terms`, 'viewer'],
      ['GET', '/api/tm/lookup?q=%E9%87%8D%E6%85%B6', 'viewer'],
      ['GET', '/api/tm/search?q=%E9%87%8D%E6%85%B6', 'viewer'],
      ['GET', '/api/tm/documents', 'viewer'],
      ['GET', '/api/tm/stats', 'viewer'],
      ['GET', '/api/tm/export?format=tsv', 'viewer'],
      ['GET', '/api/terms', 'viewer'],
      ['GET', '/api/jobs/nosuchjob', 'viewer'],
      ['POST', '/api/qa', 'viewer', { text: '你好。\nHello.' }],
      ['POST', '/api/terms/extract', 'viewer', { text: '你好。\nHello.' }],
      ['POST', '/api/align', 'editor', { text: '你好。\nHello.' }],
      ['POST', `/api/alignments/${id}/operations`, 'editor', { operations: [{ op: 'confirm', bead: 0 }] }],
      ['POST', `/api/alignments/${id}/confirm`, 'editor'],
      ['POST', `/api/alignments/${id}/save`, 'editor'],
      ['POST', '/api/terms', 'editor', { zh: '友協', en: 'friendship association' }],
      ['GET', '/api/tokens', 'admin'],
      ['POST', '/api/tokens', 'admin', { role: 'viewer' }],
      ['DELETE', '/api/tokens/nosuchid', 'admin'],
      ['DELETE', '/api/terms/999999', 'admin'],
      ['DELETE', '/api/tm/documents/999999', 'admin'],
    ];
    const roles: Role[] = ['viewer', 'editor', 'admin'];
    for (const [method, path, needed, json] of routes) {
      const what = `${method} ${path}`;
      const none = await req(method, path, { json });
      expect(none.status, what).toBe(401);
      expect((await none.json()).error.code, what).toBe('UNAUTHORIZED');
      const wrong = await req(method, path, { json, headers: { authorization: 'Bearer bxt_wrong' } });
      expect(wrong.status, what).toBe(401);
      for (const role of roles) {
        const response = await req(method, path, { role, json });
        const allowed = roles.indexOf(role) >= roles.indexOf(needed);
        if (allowed) expect([401, 403], `${what} as ${role}`).not.toContain(response.status);
        else {
          expect(response.status, `${what} as ${role}`).toBe(403);
          expect((await response.json()).error.code).toBe('FORBIDDEN');
        }
      }
    }
    // Deleting an alignment is the admin's.
    expect((await req('DELETE', `/api/alignments/${id}`, { role: 'editor' })).status).toBe(403);
    expect((await req('DELETE', `/api/alignments/${id}`, { role: 'admin' })).status).toBe(204);
    expect((await req('GET', `/api/alignments/${id}`, { role: 'viewer' })).status).toBe(404);
  });

  it('the ?token= link sets an HttpOnly cookie and redirects; cookie writes need the CSRF header; a revoked token stops working', async () => {
    const created = await (
      await req('POST', '/api/tokens', { role: 'admin', json: { role: 'editor', label: 'li' } })
    ).json();
    expect(created.token).toMatch(/^bxt_/);
    expect(created).not.toHaveProperty('hash');

    const link = await raw(`/?token=${created.token}`);
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/');
    const setCookie = link.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const session = await (await raw('/api/session', { headers: { cookie } })).json();
    expect(session.role).toBe('editor');

    const write = (headers: Record<string, string>) =>
      raw('/api/align', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ text: '你好。\nHello.' }),
      });
    const forged = await write({});
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe('CSRF_FAILED');
    expect((await write({ 'x-csrf-token': 'guess' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': session.csrf })).status).toBe(201);

    expect((await raw('/?token=bxt_wrong')).status).toBe(401);
    expect((await req('DELETE', `/api/tokens/${created.id}`, { role: 'admin' })).status).toBe(204);
    expect((await raw('/api/session', { headers: { cookie } })).status).toBe(401);
    expect(
      (await raw('/api/session', { headers: { authorization: `Bearer ${created.token}` } })).status,
    ).toBe(401);
  });

  it('bad bodies: not JSON, not an object, missing fields, the wrong type, no file (400/415)', async () => {
    const cases: Array<[RequestInit, number, string]> = [
      [{ body: '{not json', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
      [{ body: '[1]', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
      [{ body: '{}', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
      [{ body: '{"text": 7}', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
      [{ body: '{"zh": "你好"}', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
      [{ body: 'text', headers: { 'content-type': 'text/plain' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ body: 'Hello only.', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
    ];
    for (const [init, status, code] of cases) {
      const response = await raw('/api/align', {
        method: 'POST',
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${t.tokens.editor}` },
      });
      expect(response.status, String(init.body)).toBe(status);
      expect((await response.json()).error.code).toBe(code);
    }
    const noFile = new FormData();
    noFile.set('note', 'no file here');
    expect((await req('POST', '/api/align', { role: 'editor', form: noFile })).status).toBe(400);
    const english = await req('POST', '/api/align', { role: 'editor', json: { text: 'Only English here.' } });
    expect(english.status).toBe(400);
    expect((await english.json()).error.message).toMatch(/Chinese/);
    expect((await req('GET', '/api/alignments/not-an-id', { role: 'viewer' })).status).toBe(404);
    expect((await req('GET', '/api/nowhere', { role: 'viewer' })).status).toBe(404);
  });

  it('refuses an upload over the limit with 413 before reading its body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(1024));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://localhost/api/align', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.tokens.editor}`,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(10 * 1024 * 1024),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await raw(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('UPLOAD_TOO_LARGE');
    expect(pulled).toBe(0);

    // Without a length (chunked), the count stops at the limit.
    const big = new FormData();
    big.set('file', new File([new Uint8Array(100 * 1024)], 'big.txt'));
    const chunked = await raw('/api/tm/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.editor}` },
      body: new Response(big).body,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('a document holding <script> comes back as JSON data, never markup; the page runs only its own script', async () => {
    const hostile =
      '重慶市對外友協副會長王廣成率隊赴北京<script>window.pwned = 1</script>匯報重慶市民間對外交往工作情況。\n' +
      'Wang Guangcheng led a team to Beijing <img src=x onerror="window.pwned=2"> to report the work of Chongqing.';
    const response = await req('POST', '/api/align', { role: 'editor', json: { text: hostile } });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const { pairs } = await response.json();
    expect(pairs[0].zh).toContain('<script>window.pwned = 1</script>');
    const page = await raw('/');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
