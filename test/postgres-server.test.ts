import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import {
  createTestDatabase,
  dropTestDatabase,
  findPostgresBinaries,
  POSTGRES_URL_ENV,
  startPostgres,
} from './support/postgres-server.js';

const external = Boolean(process.env[POSTGRES_URL_ENV]);

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

describe('the test PostgreSQL server', () => {
  const baseUrl = inject('postgresUrl');

  it('is provided to tests as a postgres:// URL', () => {
    expect(baseUrl).toMatch(/^postgres(ql)?:\/\//);
  });

  it('gives each caller a fresh database to create tables and rows in', async () => {
    const url = await createTestDatabase(baseUrl);
    const other = await createTestDatabase(baseUrl);
    expect(url).not.toBe(other);
    await withClient(url, async (client) => {
      expect((await client.query('SELECT current_database() AS db')).rows[0].db).toBe(
        new URL(url).pathname.slice(1),
      );
      await client.query('CREATE TABLE units (id serial PRIMARY KEY, zh text NOT NULL, en text NOT NULL)');
      await client.query('INSERT INTO units (zh, en) VALUES ($1, $2), ($3, $4)', [
        '你好，世界。',
        'Hello, world.',
        '翻译记忆库',
        'translation memory',
      ]);
      const { rows } = await client.query('SELECT zh, en FROM units ORDER BY id');
      expect(rows).toEqual([
        { zh: '你好，世界。', en: 'Hello, world.' },
        { zh: '翻译记忆库', en: 'translation memory' },
      ]);
      expect((await client.query('SHOW server_encoding')).rows[0].server_encoding).toBe('UTF8');
    });
    // The other database is untouched by what happened in the first.
    await withClient(other, async (client) => {
      const { rows } = await client.query("SELECT to_regclass('units') AS t");
      expect(rows[0].t).toBeNull();
    });
    await dropTestDatabase(url);
    await dropTestDatabase(other);
  });

  it('reports its version', async () => {
    await withClient(baseUrl, async (client) => {
      const version = (await client.query('SHOW server_version')).rows[0].server_version as string;
      expect(Number.parseInt(version, 10)).toBeGreaterThanOrEqual(13);
    });
  });

  it.skipIf(external)('listens on 127.0.0.1 only', async () => {
    expect(new URL(baseUrl).hostname).toBe('127.0.0.1');
    await withClient(baseUrl, async (client) => {
      expect((await client.query('SHOW listen_addresses')).rows[0].listen_addresses).toBe('127.0.0.1');
      expect((await client.query('SELECT host(inet_server_addr()) AS addr')).rows[0].addr).toBe('127.0.0.1');
    });
  });
});

describe('startPostgres', () => {
  it.skipIf(external)('starts a server and stop() leaves nothing behind', async () => {
    const server = await startPostgres();
    const dir = server.dir!;
    expect(existsSync(dir)).toBe(true);
    await withClient(server.url, async (client) => {
      expect((await client.query('SELECT 1 + 1 AS two')).rows[0].two).toBe(2);
    });
    await server.stop();
    await server.stop(); // idempotent
    expect(existsSync(dir)).toBe(false);
    await expect(withClient(server.url, async () => {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it('uses BITEXT_TEST_POSTGRES_URL instead of starting anything', async () => {
    const url = 'postgres://someone@db.example:5433/elsewhere';
    const server = await startPostgres({ env: { [POSTGRES_URL_ENV]: url } });
    expect(server.url).toBe(url);
    expect(server.dir).toBeUndefined();
    await server.stop();
  });

  it('explains what to do when the server programs are missing and it may not install them', async () => {
    await expect(startPostgres({ env: {}, path: '', searchRoots: [], isRoot: false })).rejects.toThrow(
      /initdb, pg_ctl.*not found[\s\S]*apt-get install postgresql[\s\S]*BITEXT_TEST_POSTGRES_URL/,
    );
  });

  it('finds the programs on PATH first, else in the newest complete versioned directory', () => {
    const root = mkdtempSync(join(tmpdir(), 'bitext-pg-find-'));
    try {
      const install = (dir: string, programs: string[]) => {
        mkdirSync(dir, { recursive: true });
        for (const program of programs) writeFileSync(join(dir, program), '#!/bin/sh\n', { mode: 0o755 });
      };
      install(join(root, 'lib/9.6/bin'), ['initdb', 'pg_ctl']);
      install(join(root, 'lib/10/bin'), ['initdb', 'pg_ctl']);
      install(join(root, 'lib/17/bin'), ['initdb']); // incomplete: no pg_ctl
      install(join(root, 'path-a'), ['pg_ctl']);
      install(join(root, 'path-b'), ['initdb', 'pg_ctl']);
      const searchRoots = [join(root, 'lib')];
      expect(findPostgresBinaries({ path: '', searchRoots })?.dir).toBe(join(root, 'lib/10/bin'));
      const path = [join(root, 'path-a'), join(root, 'path-b')].join(delimiter);
      expect(findPostgresBinaries({ path, searchRoots })).toEqual({
        dir: join(root, 'path-b'),
        initdb: join(root, 'path-b/initdb'),
        pgCtl: join(root, 'path-b/pg_ctl'),
      });
      expect(findPostgresBinaries({ path: '', searchRoots: [join(root, 'none')] })).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
