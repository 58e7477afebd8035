import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli, EXAMPLE_PATH as EXAMPLE, tempDirsPerTest } from '../../../test/helpers.js';

const temp = tempDirsPerTest('bitext-terms-');

describe('bitext terms', () => {
  it('lists the person pairs and the museum pair of the founding sample', async () => {
    const { code, stdout } = await cli(['terms', 'examples/press-release.txt']);
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    for (const row of rows) expect(row).toHaveLength(4);
    const pairs = rows.map(([zh, en]) => `${zh} → ${en}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        '王廣成 → Wang Guangcheng',
        '姜江 → Jiang Jiang',
        '袁智兵 → Yuan Zhibing',
        '重慶史迪威博物館 → Chongqing Stilwell Museum',
        "全國對外友協 → Chinese People's Association for Friendship with Foreign Countries",
        '成渝地區雙城經濟圈 → Chengdu-Chongqing economic circle',
        '中國民間組織國際交流促進會 → China NGO Network for International Exchanges',
        '中促會 → China NGO Network for International Exchanges',
      ]),
    );
    const kinds = Object.fromEntries(rows.map(([zh, , , kind]) => [zh, kind]));
    expect(kinds['王廣成']).toBe('person');
    const json = JSON.parse((await cli(['terms', EXAMPLE, '--format', 'json'])).stdout) as {
      zh: string;
      abbreviationOf?: string;
    }[];
    expect(json.find((t) => t.zh === '中促會')?.abbreviationOf).toBe('中國民間組織國際交流促進會');
  });

  it('writes JSON, CSV and TBX', async () => {
    const json = JSON.parse(
      (await cli(['terms', EXAMPLE, '--format', 'json', '--top', '3'])).stdout,
    ) as unknown[];
    expect(json).toHaveLength(3);
    expect(json[0]).toEqual(
      expect.objectContaining({ score: expect.any(Number), count: expect.any(Number) }),
    );
    const csv = (await cli(['terms', EXAMPLE, '--format', 'csv'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('zh,en,status,kind,score,note,source');
    expect(csv).toContain('王廣成,Wang Guangcheng,admitted,person');
    const tbx = (await cli(['terms', EXAMPLE, '--format', 'tbx'])).stdout;
    expect(tbx).toContain('<term>Chongqing Stilwell Museum</term>');
  });

  it('saves extracted pairs, imports a termbase file and lists the termbase', async () => {
    const folder = temp();
    const saved = await cli(['terms', EXAMPLE, '--db', 'tm.db', '--save'], { cwd: folder });
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/termbase: \d+ added, 0 updated/);
    writeFileSync(join(folder, 'glossary.csv'), 'zh,en\n姜江,Jiang Jiang\n二級巡視員,level-II inspector\n');
    const imported = await cli(
      ['terms', 'import', 'glossary.csv', '--db', 'tm.db', '--status', 'preferred'],
      {
        cwd: folder,
      },
    );
    expect(imported.stdout).toBe('glossary.csv: 2 read, 0 added, 2 updated\n');
    const listed = await cli(['terms', 'list', '--db', 'tm.db', '--status', 'preferred'], { cwd: folder });
    expect(listed.stdout).toContain('姜江\tJiang Jiang\tpreferred\tperson\n');
    const tbx = await cli(['terms', 'list', '--db', 'tm.db', '--format', 'tbx', '--out', 'out.tbx'], {
      cwd: folder,
    });
    expect(tbx.code).toBe(0);
    const reimported = await cli(['terms', 'import', 'out.tbx', '--db', 'again.db'], { cwd: folder });
    expect(reimported.stdout).toMatch(/out\.tbx: (\d+) read, \1 added, 0 updated/);
    expect(readFileSync(join(folder, 'out.tbx'), 'utf8')).toContain('preferredTerm-admn-sts');
  });

  it('imports a windows-1254 TBX v2 with its DOCTYPE as declared, not guessed as Chinese', async () => {
    const folder = temp();
    const xml = (term: string) =>
      `<?xml version="1.0" encoding="windows-1254"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX"><text><body><termEntry><langSet xml:lang="zh-CN"><tig><term>&#22806;&#20107;</term></tig></langSet><langSet xml:lang="en"><tig><term>${term}</term></tig></langSet></termEntry></body></text></martif>\n`;
    // "Dışişleri éá" in windows-1254: ı is 0xFD, ş 0xFE, é 0xE9, á 0xE1.
    const bytes = Buffer.from(xml('D\u00fd\u00fei\u00feleri \u00e9\u00e1'), 'latin1');
    writeFileSync(join(folder, 'turkish.tbx'), bytes);
    const imported = await cli(['terms', 'import', 'turkish.tbx', '--db', 'tm.db'], { cwd: folder });
    expect(imported).toMatchObject({ code: 0, stdout: 'turkish.tbx: 1 read, 1 added, 0 updated\n' });
    const listed = await cli(['terms', 'list', '--db', 'tm.db'], { cwd: folder });
    expect(listed.stdout).toContain('外事\tDışişleri éá\t');
    // Declared one way, marked another: one line naming the file and both encodings.
    writeFileSync(join(folder, 'marked.tbx'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    const refused = await cli(['terms', 'import', 'marked.tbx', '--db', 'tm.db'], { cwd: folder });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'bitext: marked.tbx (byte 0): the XML declaration says encoding="windows-1254" but the byte-order mark says UTF-8\n',
    );
  });

  it('refuses a TBX of other languages naming them; --zh-lang/--en-lang choose the sections', async () => {
    const folder = temp();
    writeFileSync(
      join(folder, 'hk.tbx'),
      '<tbx type="TBX-Basic"><text><body><conceptEntry id="1"><langSec xml:lang="yue-HK"><termSec><term>外交部</term></termSec></langSec><langSec xml:lang="en-GB"><termSec><term>Foreign Office</term></termSec></langSec></conceptEntry></body></text></tbx>',
    );
    const refused = await cli(['terms', 'import', 'hk.tbx', '--db', 'tm.db'], { cwd: folder });
    expect(refused).toMatchObject({
      code: 1,
      stderr:
        'bitext: hk.tbx: expected a Chinese (zh) and an English (en) language, found yue-HK, en-GB (--zh-lang and --en-lang say which tags to read)\n',
    });
    const chosen = await cli(['terms', 'import', 'hk.tbx', '--db', 'tm.db', '--zh-lang', 'yue'], {
      cwd: folder,
    });
    expect(chosen).toMatchObject({ code: 0, stdout: 'hk.tbx: 1 read, 1 added, 0 updated\n' });
    expect((await cli(['terms', 'import', '--help'])).stdout).toContain('--zh-lang <tag>');
  });

  it('extracts from the TM when no file is given', async () => {
    const folder = temp();
    expect((await cli(['tm', 'add', EXAMPLE, '--db', 'tm.db'], { cwd: folder })).code).toBe(0);
    const { code, stdout } = await cli(['terms', '--db', 'tm.db'], { cwd: folder });
    expect(code).toBe(0);
    expect(stdout).toContain('王廣成\tWang Guangcheng\t');
  });

  it('refuses a missing input and a bad option value', async () => {
    // No files: the TM every command uses (--db, $BITEXT_DB, ./bitext-tm.db), here none.
    const none = await cli(['terms'], { cwd: temp() });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/bitext-tm\.db: no such TM/);
    const bad = await cli(['terms', EXAMPLE, '--min-score', '2']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--min-score must be a number from 0 to 1');
  });
});

describe('terms in QA', () => {
  it('qa --db and --termbase enforce the terms that terms extracted', async () => {
    const folder = temp();
    expect((await cli(['terms', EXAMPLE, '--db', 'tm.db', '--save'], { cwd: folder })).code).toBe(0);
    expect((await cli(['terms', EXAMPLE, '--out', 'terms.tsv'], { cwd: folder })).code).toBe(0);
    // The museum's name, as the extracted termbase has it, and a copy where the English renames it.
    const good = '歡迎用好重慶史迪威博物館\tWelcome to the Chongqing Stilwell Museum\n';
    writeFileSync(join(folder, 'good.tsv'), good);
    writeFileSync(join(folder, 'bad.tsv'), good.replace('Stilwell Museum', 'Stilwell Memorial Hall'));
    const qa = async (file: string, ...flags: string[]) => {
      const { code, stdout } = await cli(
        ['qa', file, '--checks', 'term', '--all', '--format', 'json', ...flags],
        {
          cwd: folder,
        },
      );
      expect(code).toBe(0);
      return (JSON.parse(stdout) as { severity: string; message: string }[]).map(
        (f) => `${f.severity}: ${f.message}`,
      );
    };
    expect(await qa('good.tsv', '--db', 'tm.db')).toEqual([]);
    // Saved terms are admitted: a missing one is info.
    expect(await qa('bad.tsv', '--db', 'tm.db')).toContain(
      'info: 重慶史迪威博物館 should be translated "Chongqing Stilwell Museum" (termbase)',
    );
    // The TSV `terms` writes, imported as a termbase file, is preferred: a warning.
    expect(await qa('bad.tsv', '--termbase', 'terms.tsv')).toContain(
      'warning: 重慶史迪威博物館 should be translated "Chongqing Stilwell Museum" (termbase)',
    );
  });
});
