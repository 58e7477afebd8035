/**
 * A real chromium for the browser tests: Debian's `chromium` package driven by playwright-core
 * (Playwright cannot download its own browser here, and never should at test time). On a fresh Debian
 * CI machine running as root, `chromium` and `fonts-noto-cjk` (without which Chinese renders as empty
 * boxes in screenshots) are installed with apt-get first, as postgres-server.ts does for PostgreSQL.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

function hasCjkFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && /Noto Sans CJK/.test(result.stdout);
}

/** Installs what is missing of chromium and the CJK fonts (root only); throws saying what to install otherwise. */
export function ensureChromium(
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ['chromium']),
    ...(hasCjkFont() ? [] : ['fonts-noto-cjk']),
  ];
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `the browser tests need Debian's ${missing.join(' and ')}: apt-get install ${missing.join(' ')}`,
    );
  log(`bitext tests: installing ${missing.join(' and ')} with apt-get (may take a few minutes)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { env, stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: 'ignore' });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless chromium with a fresh profile, offline apart from the pages it is sent to. */
export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), 'bitext-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
