import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server/listen.js';
import { buildUi } from '../src/server/ui-build.js';
import { EXAMPLE_PATH, REPO_ROOT } from './helpers.js';
import { type Browser, launchBrowser } from './support/browser.js';
import { validateTmx } from './tmx-dtd.js';

/** Screenshots of the main screens, kept after the run (gitignored). */
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

/** Waits for the page: the machine may be busy, so the wait is long (it ends as soon as the value is right). */
const eventually = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 30_000 });
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const beadTexts = () => page.locator('.bead .side.zh').allTextContents();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'bitext-browser-'));
  await buildUi(join(dir, 'ui'));
  server = await startServer({
    db: join(dir, 'tm.db'),
    host: '127.0.0.1',
    port: 0,
    stateDir: join(dir, 'state'),
    uiDir: join(dir, 'ui'),
    workers: 1,
  });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  // Nothing but the server: the UI must work offline (no CDN, no font service).
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  // A first-time apt-get install of chromium and the fonts may take minutes.
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('review in chromium', () => {
  it('signs in with the ?token= link, which leaves the address bar for a session cookie', async () => {
    await page.goto(server.link);
    expect(page.url()).toBe(`${server.url}/`);
    const cookies = await browser.context.cookies();
    expect(cookies.find((c) => c.name === 'bitext_session')?.httpOnly).toBe(true);
    await eventually(() => page.locator('#role').textContent()).toBe('admin');
  });

  it('uploads the founding sample, fixes a glued bead with the keyboard (merge, split, undo, redo), confirms, saves to the TM', async () => {
    await page.locator('#file').setInputFiles(EXAMPLE_PATH);
    await page.locator('#upload').click();
    await page.waitForURL(/#\/review\//);
    await eventually(() => page.locator('.bead').count()).toBe(5);
    const aligned = await beadTexts();
    await shot('review');

    // From here on, keys only.
    await page.keyboard.press('j');
    await page.keyboard.press('m'); // glue beads 2 and 3
    await eventually(() => page.locator('.bead').count()).toBe(4);
    await eventually(() => page.locator('.bead.current .shape').textContent()).toBe('2:2');
    expect(await page.locator('.bead.current').getAttribute('class')).toMatch(/unsure/);
    await shot('review-glued');
    await page.keyboard.press('s'); // and split them again
    await eventually(beadTexts).toEqual(aligned);
    await page.keyboard.press('z'); // undo: glued again
    await eventually(() => page.locator('.bead').count()).toBe(4);
    await page.keyboard.press('y'); // redo: split
    await eventually(beadTexts).toEqual(aligned);

    await page.keyboard.press('Enter'); // confirm bead 2, jump to the next risky one
    await eventually(() => page.locator('.bead[data-bead="1"]').getAttribute('class')).toMatch(/confirmed/);
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await page.keyboard.press('c'); // confirm the first
    await eventually(() => page.locator('.progress').textContent()).toBe('2 of 5 confirmed');
    await page.keyboard.press('Shift+S');
    await expect
      .poll(() => page.locator('.status').textContent())
      .toMatch(/Saved to the TM: 5 pairs \(2 approved/);
    await shot('review-confirmed');
  });

  it('finds a 100% match on the TM page, with the approved status', async () => {
    const first = (await beadTexts())[0]!;
    await page.goto(`${server.url}/#/tm`);
    await page.locator('#tm-query').fill(first);
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.match .score').first().textContent()).toBe('100%');
    expect(await page.locator('.match').first().textContent()).toContain('approved');
    await shot('tm');
  });

  it('exports TMX from the review page, valid against the TMX 1.4 DTD', async () => {
    await page.goto(`${server.url}/#/alignments`);
    await expect
      .poll(() => page.locator('table.list tbody tr').first().textContent())
      .toContain('2 of 5 confirmed');
    await shot('alignments');
    await page.locator('table.list a').first().click();
    await page.waitForURL(/#\/review\//);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('TMX', { exact: true }).click(),
    ]);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(await validateTmx(xml)).toEqual({ valid: true, errors: [] });
    expect(xml.match(/<prop type="x-status">approved<\/prop>/g)).toHaveLength(2);
  });

  it('shows the QA finding linked to its pair', async () => {
    await page.getByText('QA report').click();
    await page.waitForURL(/#\/qa\//);
    await eventually(() => page.locator('.finding').count()).toBeGreaterThan(0);
    await shot('qa');
    const link = page.locator('.finding', { hasText: 'name' }).locator('.pair-link').first();
    await link.click();
    await expect
      .poll(() => page.locator('.bead.current .side.en').textContent())
      .toContain('Secretary General');
  });

  it('renders a document holding <script> as text, never running it', async () => {
    await page.goto(`${server.url}/#/`);
    await page
      .locator('#paste')
      .fill(
        '重慶市對外友協副會長王廣成率隊赴北京<script>window.pwned = 1</script>匯報工作情況。\n' +
          'Wang Guangcheng led a team <img src=x onerror="window.pwned = 2"> to Beijing to report.',
      );
    await page.getByText('Align', { exact: true }).last().click();
    await page.waitForURL(/#\/review\//);
    await expect
      .poll(() => page.locator('.bead .side.zh').first().textContent())
      .toContain('<script>window.pwned = 1</script>');
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('.bead img, .bead script').count()).toBe(0);
  });
});
