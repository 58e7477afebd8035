import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { REPO_ROOT } from './helpers.js';

describe('package', () => {
  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });

  it('pins every dependency to an exact version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe('library entry points', () => {
  it('bitext, bitext/app, bitext/store and bitext/formats load from the build and work together', () => {
    // Self-reference by package name, as a user's code would import it (dist/ is built by npm ci).
    const script = `
      import { alignDocument, runQa } from 'bitext';
      import { addDocumentsToTm } from 'bitext/app';
      import { openStore } from 'bitext/store';
      import { writeTmx } from 'bitext/formats';
      import { readFileSync } from 'node:fs';
      const bytes = readFileSync('examples/press-release.txt');
      const store = await openStore(':memory:');
      const [added] = await addDocumentsToTm(store.tm, [{ name: 'press-release.txt', bytes }]);
      const { pairs } = alignDocument({ combined: bytes.toString('utf8') });
      const [match] = await store.tm.lookup(pairs[0].zh);
      const tmx = writeTmx([{ segments: [{ lang: 'zh-TW', text: pairs[0].zh }, { lang: 'en-US', text: pairs[0].en }] }], { srcLang: 'zh-TW' });
      console.log(JSON.stringify({ added: added.added, score: match.score, findings: runQa(pairs).length, tmx: tmx.includes('<tmx') }));
      await store.close();`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ added: 5, score: 100, findings: 1, tmx: true });
  });
});
