import { describe, expect, it } from 'vitest';
import type { TermEntry } from '../core/terms/index.js';
import { parseTbx } from './tbx-read.js';
import { termEntriesToTbx } from './tbx-write.js';

const entries: TermEntry[] = [
  {
    zh: '重慶史迪威博物館',
    en: 'Chongqing Stilwell Museum',
    status: 'preferred',
    kind: 'organization',
    note: 'a <museum> & "more"',
  },
  { zh: '二級巡視員', en: 'level-II inspector', status: 'admitted', kind: 'title' },
  { zh: '二級巡視員', en: 'second-class patrolman', status: 'forbidden' },
];

describe('TBX', () => {
  it('writes TBX-Basic v3 that reads back to the same entries', async () => {
    const xml = termEntriesToTbx(entries);
    expect(xml).toContain('<tbx style="dca" type="TBX-Basic"');
    expect(xml).toContain('<langSec xml:lang="zh-CN">');
    expect(xml).toContain('deprecatedTerm-admn-sts');
    expect(xml).toContain('a &lt;museum&gt; &amp; &quot;more&quot;');
    expect(await parseTbx(xml, 'x.tbx')).toEqual(
      entries.map(({ zh, en, status, kind, note }) => ({
        zh,
        en,
        status,
        ...(kind ? { kind } : {}),
        ...(note ? { note } : {}),
      })),
    );
  });

  it('reads TBX v2 martif termEntry/langSet/tig/term', async () => {
    const xml = `<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="t1">
    <langSet xml:lang="zh-CN"><tig><term>姜江</term></tig></langSet>
    <langSet xml:lang="en-US">
      <tig><term>Jiang Jiang</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <ntig><termGrp><term>Chiang Chiang</term></termGrp><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></ntig>
    </langSet>
  </termEntry>
</body></text></martif>`;
    expect(await parseTbx(xml, 'v2.tbx')).toEqual([
      { zh: '姜江', en: 'Jiang Jiang', status: 'preferred' },
      { zh: '姜江', en: 'Chiang Chiang', status: 'forbidden' },
    ]);
  });

  it('reads a TBX v2 file with its martif DOCTYPE (the DTD is never read)', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX"><text><body><termEntry><langSet xml:lang="zh"><tig><term>外事</term></tig></langSet><langSet xml:lang="en"><tig><term>foreign affairs</term></tig></langSet></termEntry></body></text></martif>`;
    expect(await parseTbx(xml, 'v2.tbx')).toEqual([
      { zh: '外事', en: 'foreign affairs', status: 'preferred' },
    ]);
  });

  it('refuses DOCTYPE and entity declarations', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY lol "lol">]><tbx><text><body/></text></tbx>`;
    await expect(parseTbx(xml, 'evil.tbx')).rejects.toMatchObject({ code: 'XML_DTD_REFUSED' });
  });

  it('refuses a file that is not TBX, and malformed XML with its position', async () => {
    await expect(parseTbx('<tmx><body/></tmx>', 'a.tbx')).rejects.toMatchObject({ code: 'TBX_MALFORMED' });
    await expect(parseTbx('<tbx><text>', 'b.tbx')).rejects.toMatchObject({ code: 'XML_MALFORMED' });
  });

  it('refuses a termbase of other languages, naming them, unless told which tags are zh and en', async () => {
    const xml = `<tbx type="TBX-Basic"><text><body><conceptEntry id="1">
<langSec xml:lang="de-DE"><termSec><term>Außenpolitik</term></termSec></langSec>
<langSec xml:lang="fr-FR"><termSec><term>politique étrangère</term></termSec></langSec>
<langSec xml:lang="en-GB"><termSec><term>foreign policy</term></termSec></langSec>
</conceptEntry></body></text></tbx>`;
    await expect(parseTbx(xml, 'de.tbx')).rejects.toMatchObject({
      code: 'TBX_LANGUAGES',
      message: 'expected a Chinese (zh) and an English (en) language, found de-DE, fr-FR, en-GB',
      location: { file: 'de.tbx' },
    });
    expect(await parseTbx(xml, 'de.tbx', { zhLang: 'de-DE' })).toEqual([
      { zh: 'Außenpolitik', en: 'foreign policy', status: 'preferred' },
    ]);
  });
});
