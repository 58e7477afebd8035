import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PATH, runCli, tempDir } from './helpers.js';
import { buildDocx } from './support/docx.js';
import {
  SAMPLE_EN as en,
  expectRefusal,
  SAMPLE_LINES as lines,
  type Pair,
  qaFindings,
  samplePairs,
  tsvPairs,
  SAMPLE_ZH as zh,
} from './support/sample.js';

// The founding sample as people publish it: a web page and a Word file. Each must align to the
// same 5 pairs as the .txt, with none of the page's furniture in them.

const HEADLINE = '王廣成率隊赴全國對外友協、中促會匯報工作';

/** A press office's page: title, navigation, headline, dateline, the article, related links, footer, scripts, styles. */
function pressPage(): string {
  return `<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<title>${HEADLINE} - 重慶市人民政府外事辦公室</title>
<style>body { font-family: serif } .nav li { display: inline }</style>
<script>window.dataLayer = []; document.write("<p>重慶市外辦 Chongqing FAO</p>");</script>
</head>
<body>
<header><div class="logo">重慶市人民政府外事辦公室 Foreign Affairs Office of Chongqing</div>
<nav class="nav"><ul><li><a href="/">首頁 Home</a></li><li><a href="/news">外事要聞 News</a></li><li><a href="/en">English</a></li></ul></nav></header>
<main>
<article>
<h1>${HEADLINE}</h1>
<div class="info">發布時間：2021-04-15 來源：市政府外辦</div>
<div class="content">
${zh.map((p) => `<p>${p}</p>`).join('\n')}
<div lang="en">
${en.map((p) => `<p>${p}</p>`).join('\n')}
</div>
</div>
<div class="tools">【打印本頁】 【關閉窗口】</div>
</article>
</main>
<aside><h2>相關新聞 Related</h2><ul><li><a href="/n/1">重慶市友協會見美國友人 Chongqing meets US friends</a></li></ul></aside>
<footer><p>版權所有：重慶市人民政府外事辦公室 Copyright © Foreign Affairs Office of Chongqing</p><p>渝ICP備05003300號</p></footer>
<script src="/stats.js"></script><script>console.log("analytics")</script>
</body>
</html>
`;
}

const FURNITURE =
  /重慶市人民政府外事辦公室|Home|Related|Copyright|ICP|打印|發布時間|analytics|dataLayer|font-family/;

const { dir, cleanup } = tempDir();
afterAll(cleanup);
let expected: Pair[];
beforeAll(async () => {
  expected = await samplePairs();
});

async function alignFile(name: string, bytes: Uint8Array | string, ...flags: string[]) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return runCli(['align', file, ...flags]);
}

describe('bitext align on web pages', () => {
  it('gives the sample 5 pairs from a press page, without navigation, headline, dateline, footer, scripts or styles', async () => {
    const { code, stdout, stderr } = await alignFile('page.html', pressPage());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const pairs = tsvPairs(stdout);
    expect(pairs).toEqual(expected);
    expect(stdout).not.toMatch(FURNITURE);
    expect(stdout).not.toContain(HEADLINE);
    expect(stdout).not.toMatch(/<\/?p>/);
  });

  it('reads a .txt that is really HTML as a web page', async () => {
    const { code, stdout } = await alignFile('page-saved-as.txt', pressPage());
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('reads a one-line page (no line breaks at all) instead of calling it English only', async () => {
    const oneLine = `<html><head><title>t</title></head><body>${zh.map((p) => `<p>${p}</p>`).join('')}${en.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    expect(oneLine).not.toContain('\n');
    const { code, stdout, stderr } = await alignFile('one-line.html', oneLine);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('reads the whole body when the article Readability finds holds one language only', async () => {
    // Readability takes the <article> and drops the "sidebar" holding the English version.
    const page = `<html><head><title>t</title></head><body><nav><a href="/">Home</a></nav><article>${zh
      .map((p) => `<p>${p}</p>`)
      .join('')}</article><div class="sidebar english-version">${en
      .map((p) => `<p>${p}</p>`)
      .join('')}</div><footer>© 2021 Foreign Affairs Office</footer></body></html>`;
    const { code, stdout, stderr } = await alignFile('sidebar.html', page);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('refuses a page with no readable text: exit 1, one line naming the file', async () => {
    const result = await alignFile(
      'empty.html',
      '<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>',
    );
    expectRefusal(result, /^bitext: .*empty\.html: a web page with no readable text/);
  });
});

describe('bitext align on Word files', () => {
  it('gives the sample 5 pairs from a .docx of paragraphs', async () => {
    const docx = await buildDocx(lines.map((paragraph) => ({ paragraph })));
    const { code, stdout, stderr } = await alignFile('release.docx', docx);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('gives the sample 5 pairs from a .docx two-column table, either column order, with a header row', async () => {
    const zhFirst = await buildDocx([{ table: [['中文', 'English'], ...zh.map((z, i) => [z, en[i]!])] }]);
    const enFirst = await buildDocx([{ paragraph: '' }, { table: en.map((e, i) => [e, zh[i]!]) }]);
    for (const [name, bytes] of [
      ['table-zh-en.docx', zhFirst],
      ['table-en-zh.docx', enFirst],
    ] as const) {
      const { code, stdout, stderr } = await alignFile(name, bytes);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(tsvPairs(stdout)).toEqual(expected);
    }
  });

  it('reads a renamed .docx by its content', async () => {
    const docx = await buildDocx(lines.map((paragraph) => ({ paragraph })));
    const { code, stdout } = await alignFile('release.bin', docx);
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });

  it('refuses a damaged .docx with one line naming the file, never a stack trace', async () => {
    const docx = await buildDocx(lines.map((paragraph) => ({ paragraph })));
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['truncated.docx', docx.subarray(0, 200), /truncated\.docx: not a readable Word \.docx/],
      ['text.docx', new TextEncoder().encode('just some text'), /text\.docx \(byte 0\): not a Word \.docx/],
      ['no-document.docx', await emptyZip(), /no-document\.docx: not a readable Word \.docx/],
    ];
    for (const [name, bytes, message] of cases) expectRefusal(await alignFile(name, bytes), message);
  });
});

describe('two files, one per language', () => {
  it('takes a web page and a Word file as the two sides', async () => {
    const zhPage = join(dir, 'zh.html');
    writeFileSync(
      zhPage,
      `<html><body><nav>首頁</nav>${zh.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
    );
    const enDocx = join(dir, 'en.docx');
    writeFileSync(enDocx, await buildDocx(en.map((paragraph) => ({ paragraph }))));
    const { code, stdout, stderr } = await runCli(['align', zhPage, enDocx]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(tsvPairs(stdout)).toEqual(expected);
  });
});

describe('qa, terms and tm add read the same documents', () => {
  it('qa finds the sample slip in the web page and in the .docx table as in the .txt', async () => {
    const fromText = await qaFindings(EXAMPLE_PATH);
    expect(fromText).toHaveLength(1);
    const page = join(dir, 'qa-page.html');
    writeFileSync(page, pressPage());
    const table = join(dir, 'qa-table.docx');
    writeFileSync(table, await buildDocx([{ table: zh.map((z, i) => [z, en[i]!]) }]));
    for (const file of [page, table]) expect(await qaFindings(file)).toEqual(fromText);
  });

  it('terms extracts the same terms from the .docx as from the .txt', async () => {
    const fromText = await runCli(['terms', EXAMPLE_PATH]);
    const docx = join(dir, 'terms.docx');
    writeFileSync(docx, await buildDocx(lines.map((paragraph) => ({ paragraph }))));
    const fromDocx = await runCli(['terms', docx]);
    expect(fromDocx.code).toBe(0);
    expect(fromDocx.stdout).toBe(fromText.stdout);
  });

  it('tm add stores the 5 pairs of a web page and of a .docx', async () => {
    const page = join(dir, 'tm-page.html');
    writeFileSync(page, pressPage());
    const docx = join(dir, 'tm.docx');
    writeFileSync(docx, await buildDocx([{ table: zh.map((z, i) => [z, en[i]!]) }]));
    const db = join(dir, 'tm.db');
    for (const file of [page, docx]) {
      const added = await runCli(['tm', 'add', file, '--db', db, '--format', 'json']);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
    }
    const exported = await runCli(['tm', 'export', '--format', 'tsv', '--db', db]);
    expect(exported.code).toBe(0);
    const units = exported.stdout.trimEnd().split('\n');
    // both documents hold the same 5 pairs, stored once
    expect(units.filter((u) => u.includes('\t'))).toHaveLength(5);
    expect(exported.stdout).not.toMatch(FURNITURE);
  });
});

async function emptyZip(): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('hello.txt', 'not a word document');
  return zip.generateAsync({ type: 'uint8array' });
}
