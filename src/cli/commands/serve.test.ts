import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { runCli, tempDirsPerTest } from '../../../test/helpers.js';
import { SOURCE_CLI } from '../../../test/support/cli-process.js';
import { createTestDatabase } from '../../../test/support/postgres-server.js';

const newDir = tempDirsPerTest('bitext-serve-cli-');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts `bitext serve` from the sources and resolves with its first stdout line (the link). */
function serve(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; link: string }> {
  const child = spawn(process.execPath, [...SOURCE_CLI, 'serve', ...args], {
    env: { ...process.env, BITEXT_DB: '', BITEXT_TOKEN: '', ...env },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, link: out.split('\n')[0]! });
    });
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe('bitext token', () => {
  it('creates a token with a role, lists it without its secret or hash, revokes it', async () => {
    const state = newDir();
    const created = await runCli([
      'token',
      'create',
      '--role',
      'editor',
      '--label',
      'Li Na',
      '--state',
      state,
    ]);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^bxt_[\w-]{43}$/);
    const listed = await runCli(['token', 'list', '--format', 'json', '--state', state]);
    const [token] = JSON.parse(listed.stdout);
    expect(token).toMatchObject({ role: 'editor', label: 'Li Na' });
    expect(listed.stdout).not.toContain(secret);
    expect(listed.stdout).not.toContain('hash');
    expect((await runCli(['token', 'revoke', token.id, '--state', state])).code).toBe(0);
    const again = await runCli(['token', 'revoke', token.id, '--state', state]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`bitext: no token "${token.id}" (see \`bitext token list\`)\n`);
  });

  it('refuses an unknown role, and listing creates nothing', async () => {
    const state = join(newDir(), 'absent');
    const bad = await runCli(['token', 'create', '--role', 'owner', '--state', state]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Allowed choices are viewer, editor, admin/);
    expect((await runCli(['token', 'list', '--state', state])).stdout).toBe('no tokens\n');
    expect(existsSync(state)).toBe(false);
  });
});

describe('bitext serve', () => {
  it('prints a ?token= link on 127.0.0.1, answers with that token, and a token made with `token create`', async () => {
    const dir = newDir();
    const state = join(dir, 'state');
    const editor = (await runCli(['token', 'create', '--role', 'editor', '--state', state])).stdout.trim();
    const { link } = await serve(['--port', '0', '--db', join(dir, 'tm.db'), '--state', state]);
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=(bxt_[\w-]+)$/.exec(link);
    expect(match, link).not.toBeNull();
    const base = `http://127.0.0.1:${match![1]}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const session = (token: string) =>
      fetch(`${base}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(await (await session(match![2]!)).json()).toEqual({ role: 'admin' });
    expect(await (await session(editor)).json()).toEqual({ role: 'editor' });
    expect((await session('bxt_wrong')).status).toBe(401);
  });

  it('takes the admin token from $BITEXT_TOKEN and does not print it', async () => {
    const dir = newDir();
    const { link } = await serve(['--port', '0', '--db', join(dir, 'tm.db'), '--state', dir], {
      BITEXT_TOKEN: 'bxt_from-the-environment',
    });
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(`${link}api/session`, {
      headers: { authorization: 'Bearer bxt_from-the-environment' },
    });
    expect(await response.json()).toEqual({ role: 'admin' });
  });

  it('serves a team TM on PostgreSQL on every address (--db postgres://… --host 0.0.0.0)', async () => {
    const dir = newDir();
    const db = await createTestDatabase(inject('postgresUrl'));
    expect((await runCli(['tm', 'add', 'examples/press-release.txt', '--db', db])).code).toBe(0);
    const { link } = await serve(['--db', db, '--host', '0.0.0.0', '--port', '0', '--state', dir], {
      BITEXT_TOKEN: 'bxt_team',
    });
    // Bound to every address, it answers on this machine's loopback like any other client's.
    const port = /^http:\/\/[^/]+:(\d+)\/$/.exec(link)?.[1];
    expect(port, link).toBeDefined();
    const response = await fetch(`http://127.0.0.1:${port}/api/tm/documents`, {
      headers: { authorization: 'Bearer bxt_team' },
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('press-release.txt');
  });

  it('refuses a bad port and a port in use with exit 1 and one line', async () => {
    const bad = await runCli(['serve', '--port', 'http']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('bitext: --port must be an integer from 0 to 65535, got "http"\n');
    const dir = newDir();
    const { link } = await serve(['--port', '0', '--db', join(dir, 'tm.db'), '--state', dir]);
    const port = new URL(link).port;
    const busy = await runCli(['serve', '--port', port, '--db', join(dir, 'tm2.db'), '--state', dir]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toBe(`bitext: cannot listen on 127.0.0.1:${port} (EADDRINUSE)\n`);
  });
});
