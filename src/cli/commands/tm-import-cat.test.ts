import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../io.js';
import { run } from '../run.js';

// `tm import` of files as CAT tools write them: each file is built here, small, of our own making.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-tm-cat-'));
});

async function cli(...argv: string[]) {
  const memory = memoryIo({ cwd: dir, env: { BITEXT_DB: join(dir, 'tm.db') } });
  const code = await run(argv, memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

async function units(): Promise<string[][]> {
  const { stdout } = await cli('tm', 'export', '--format', 'tsv');
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

const HEADER =
  '<header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US" datatype="plaintext"/>';

const tmx = (...tus: Array<[string, string, string, string]>) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n${HEADER}\n<body>\n${tus
    .map(
      ([la, a, lb, b]) =>
        `<tu><tuv lang="${la}"><seg>${a}</seg></tuv><tuv lang="${lb}"><seg>${b}</seg></tuv></tu>`,
    )
    .join('\n')}\n</body>\n</tmx>\n`;

describe('bitext tm import of CAT-tool files', () => {
  it('imports an OmegaT TMX with its DOCTYPE and inline codes, words kept apart', async () => {
    writeFileSync(
      join(dir, 'project-omegat.tmx'),
      tmx([
        'EN-US',
        'Press<ph x="1">\t</ph>Enter to see <bpt i="1">&lt;b&gt;</bpt>files<ept i="1">&lt;/b&gt;</ept>.',
        'ZH-CN',
        '按<ph x="1">\t</ph>回车查看<bpt i="1">&lt;b&gt;</bpt>文件<ept i="1">&lt;/b&gt;</ept>。',
      ]),
    );
    const result = await cli('tm', 'import', 'project-omegat.tmx');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/project-omegat\.tmx \(tmx\): 1 read, 1 added/);
    expect(await units()).toContainEqual(['按回车查看文件。', 'Press Enter to see files.']);
  });

  it('refuses a TMX of other languages naming them, storing nothing; --zh-lang/--en-lang choose the sides', async () => {
    writeFileSync(join(dir, 'de-fr.tmx'), tmx(['de-DE', 'Außenpolitik', 'fr-FR', 'politique étrangère']));
    const refused = await cli('tm', 'import', 'de-fr.tmx');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'bitext: de-fr.tmx: expected a Chinese (zh) and an English (en) language, found de-DE, fr-FR (--zh-lang and --en-lang say which tags to read)\n',
    );
    writeFileSync(join(dir, 'en-ja.tmx'), tmx(['en-US', 'Welcome', 'ja-JP', 'ようこそ']));
    expect((await cli('tm', 'import', 'en-ja.tmx')).stderr).toMatch(/found en-US, ja-JP \(--zh-lang/);
    writeFileSync(
      join(dir, 'de-fr.xlf'),
      '<xliff version="1.2"><file original="a" source-language="de-DE" target-language="fr-FR"><body><trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>',
    );
    expect((await cli('tm', 'import', 'de-fr.xlf')).stderr).toBe(
      'bitext: de-fr.xlf: expected a Chinese (zh) and an English (en) language, found de-DE (source), fr-FR (target) (--zh-lang and --en-lang say which tags to read)\n',
    );
    // Refused before anything was stored: the TM these first imports would have created does not exist.
    expect((await cli('tm', 'stats')).stderr).toMatch(/no such TM \(reading never creates one/);

    writeFileSync(
      join(dir, 'hk.tmx'),
      tmx(
        ['en-US', 'Welcome (US)', 'zh-CN', '欢迎'],
        ['en-GB', 'Welcome', 'zh-Hant-HK', '歡迎'],
        ['en-GB', 'Thanks', 'zh-Hant-HK', '多謝'],
      ),
    );
    const chosen = await cli('tm', 'import', 'hk.tmx', '--zh-lang', 'zh-Hant-HK', '--en-lang', 'en-GB');
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toMatch(/3 read, 2 added.*1 skipped/s);
    const stats = JSON.parse((await cli('tm', 'stats', '--format', 'json')).stdout);
    expect(stats.languages).toEqual({ zh: { 'zh-HK': 2 }, en: { 'en-GB': 2 } });
  });

  it('documents --zh-lang and --en-lang in its help', async () => {
    const help = await cli('tm', 'import', '--help');
    expect(help.stdout).toContain('--zh-lang <tag>');
    expect(help.stdout).toContain('--en-lang <tag>');
  });

  it('reads .mqxliff as XLIFF, without memoQ history, and XLIFF or TMX by content under another extension', async () => {
    writeFileSync(
      join(dir, 'job.mqxliff'),
      `<?xml version="1.0" encoding="utf-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff"><file original="a.docx" source-language="en-gb" target-language="zh-tw" datatype="x-memoq"><body>
<trans-unit id="1"><source>Welcome</source><target>歡迎</target><mq:historical-unit><source>Welcome all</source><target>歡迎大家</target></mq:historical-unit></trans-unit></body></file></xliff>`,
    );
    expect(await cli('tm', 'import', 'job.mqxliff')).toMatchObject({ code: 0 });
    writeFileSync(join(dir, 'export.xml'), tmx(['en-US', 'Goodbye', 'zh-CN', '再见']));
    const sniffed = await cli('tm', 'import', 'export.xml');
    expect(sniffed.stdout).toMatch(/export\.xml \(tmx\): 1 read, 1 added/);
    expect(await units()).toEqual(
      expect.arrayContaining([
        ['歡迎', 'Welcome'],
        ['再见', 'Goodbye'],
      ]),
    );
    expect((await units()).flat()).not.toContain('歡迎大家');
    writeFileSync(join(dir, 'notes.xml'), '<?xml version="1.0"?><html><body/></html>');
    const unknown = await cli('tm', 'import', 'notes.xml');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^bitext: notes\.xml: cannot tell the format from the extension ".xml"/);
  });

  it('reads a TMX or XLIFF saved as .txt (or under no extension) as what it holds, not as TSV', async () => {
    // A processing instruction and a comment before the root, and a root in upper case: sniffed.
    writeFileSync(
      join(dir, 'memory.txt'),
      tmx(['en-US', 'Goodbye', 'zh-CN', '再见']).replace(
        '<!DOCTYPE',
        '<?xml-stylesheet href="a.xsl"?>\n<!-- saved by hand -->\n<!DOCTYPE',
      ),
    );
    expect((await cli('tm', 'import', 'memory.txt')).stdout).toMatch(/memory\.txt \(tmx\): 1 read, 1 added/);
    writeFileSync(
      join(dir, 'job'),
      '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-CN"><file id="f"><unit id="1"><segment><source>Welcome</source><target>欢迎</target></segment></unit></file></xliff>',
    );
    expect((await cli('tm', 'import', 'job')).stdout).toMatch(/job \(xliff\): 1 read, 1 added/);
    // A table stays a table.
    writeFileSync(join(dir, 'pairs.txt'), '谢谢\tThanks\n');
    expect((await cli('tm', 'import', 'pairs.txt')).stdout).toMatch(/pairs\.txt \(tsv\): 1 read, 1 added/);
    expect(await units()).toEqual(
      expect.arrayContaining([
        ['再见', 'Goodbye'],
        ['欢迎', 'Welcome'],
        ['谢谢', 'Thanks'],
      ]),
    );
  });

  it('names the file and byte of a byte that is not in the declared encoding', async () => {
    const head = Buffer.from(tmx(['en-US', 'Caf_', 'zh-CN', '咖啡']).replace('UTF-8', 'ISO-8859-8'));
    const at = head.indexOf('_');
    head[at] = 0xa1;
    writeFileSync(join(dir, 'hebrew.tmx'), head);
    const result = await cli('tm', 'import', 'hebrew.tmx');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `bitext: hebrew.tmx (byte ${at}): invalid iso-8859-8 at byte ${at} (decoding as its XML declaration says (encoding="ISO-8859-8"))\n`,
    );
  });
});
