import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { createTestDatabase } from '../../test/support/postgres-server.js';
import { validateTmx } from '../../test/tmx-dtd.js';
import { XLIFF2_NAMESPACE } from '../formats/xliff2-write.js';
import { type ExportFormat, exportUnits } from './export.js';
import { importFile } from './import-file.js';
import { openStore } from './open-store.js';
import { openSqliteTmStore } from './sqlite/sqlite-tm-store.js';
import type { TmStore, TmUnit } from './tm-store.js';

// XLIFF 1.2 and 2.0 inline codes and notes through the TM, on both backends: the same unit written
// as TMX, XLIFF 1.2 and XLIFF 2.0 (files built here, of our own making) is stored the same, and each
// export writes it in its own markup.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-xliff-codes-'));
});

const HEADER =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>';

/** One unit: a placeholder, a bold pair with its native code, a note on the unit and one on the English. */
const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">${HEADER}<body>
<tu><note>Checked against the release.</note>
  <tuv xml:lang="zh-CN"><seg>按<ph x="1">{0}</ph>查看<bpt i="2" x="2" type="bold">&lt;b&gt;</bpt>文件<ept i="2">&lt;/b&gt;</ept>。</seg></tuv>
  <tuv xml:lang="en-US"><note>Reviewed</note><seg>Press <ph x="1">{0}</ph> to see the <bpt i="2" x="2" type="bold">&lt;b&gt;</bpt>files<ept i="2">&lt;/b&gt;</ept>.</seg></tuv>
</tu></body></tmx>
`;

const XLIFF12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a.html" source-language="zh-CN" target-language="en-US" datatype="html"><body>
<trans-unit id="1">
  <source>按<ph id="1">{0}</ph>查看<bpt id="2" ctype="bold">&lt;b&gt;</bpt>文件<ept id="2">&lt;/b&gt;</ept>。</source>
  <target>Press <ph id="1">{0}</ph> to see the <bpt id="2" ctype="bold">&lt;b&gt;</bpt>files<ept id="2">&lt;/b&gt;</ept>.</target>
  <note>Checked against the release.</note>
  <note annotates="target">Reviewed</note>
</trans-unit>
</body></file></xliff>
`;

const XLIFF2 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en-US">
<file id="f1"><unit id="u1">
  <notes><note>Checked against the release.</note><note appliesTo="target">Reviewed</note></notes>
  <originalData><data id="d1">{0}</data><data id="d2">&lt;b&gt;</data><data id="d3">&lt;/b&gt;</data></originalData>
  <segment>
    <source>按<ph id="1" dataRef="d1"/>查看<pc id="2" dataRefStart="d2" dataRefEnd="d3" type="fmt" subType="xlf:b">文件</pc>。</source>
    <target>Press <ph id="1" dataRef="d1"/> to see the <pc id="2" dataRefStart="d2" dataRefEnd="d3" type="fmt" subType="xlf:b">files</pc>.</target>
  </segment>
</unit></file></xliff>
`;

/**
 * XLIFF 1.2's other codes: <g>, a line-break <x/>, a term <mrk>, a <bx/>…<ex/> pair that crosses a
 * <g>, and an isolated <it>.
 */
const XLIFF12_MORE = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="b.html" source-language="en-US" target-language="zh-CN" datatype="html"><body>
<trans-unit id="7">
  <source>Welcome to <g id="1" ctype="bold">visit</g><x id="2" ctype="lb"/>Chongqing's <mrk mtype="term">foreign affairs</mrk> <bx id="3"/>office <g id="4">today<ex id="3"/> and</g> later<it id="5" pos="close">&lt;/span&gt;</it></source>
  <target>欢迎<g id="1" ctype="bold">访问</g><x id="2" ctype="lb"/>重庆<mrk mtype="term">外事</mrk><bx id="3"/>办公室<g id="4">今天<ex id="3"/>和</g>以后<it id="5" pos="close">&lt;/span&gt;</it></target>
</trans-unit>
</body></file></xliff>
`;

async function exportText(store: TmStore, format: ExportFormat): Promise<string> {
  let text = '';
  for await (const chunk of exportUnits(store, format)) text += chunk;
  return text;
}

async function unitsOf(store: TmStore): Promise<TmUnit[]> {
  const units: TmUnit[] = [];
  for await (const unit of store.units()) units.push(unit);
  return units;
}

/** What must be the same whichever format a unit came from: texts, codes, notes. */
const stored = (unit: TmUnit) => ({
  zh: unit.zh,
  en: unit.en,
  zhCodes: unit.zhCodes,
  enCodes: unit.enCodes,
  notes: unit.meta?.notes,
});

async function importText(store: TmStore, name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return importFile(store, path, { worker: false });
}

const backends: Array<[string, () => Promise<TmStore>]> = [
  ['SQLite', async () => openSqliteTmStore(join(dir, `tm-${Math.random()}.db`))],
  ['PostgreSQL', async () => (await openStore(await createTestDatabase(inject('postgresUrl')))).tm],
];

describe.each(backends)('XLIFF inline codes and notes in a %s TM', (_name, makeStore) => {
  it('stores the same unit from TMX, XLIFF 1.2 and XLIFF 2.0 the same: plain text, codes and notes', async () => {
    const units: TmUnit[] = [];
    for (const [name, text] of [
      ['a.tmx', TMX],
      ['a.xlf', XLIFF12],
      ['a.xlf2', XLIFF2],
    ] as const) {
      const store = await makeStore();
      expect(await importText(store, name, text)).toMatchObject({ read: 1, added: 1 });
      units.push(...(await unitsOf(store)));
      await store.close();
    }
    const [fromTmx, from12, from20] = units.map(stored);
    expect(fromTmx).toEqual({
      zh: '按查看文件。',
      en: 'Press to see the files.',
      zhCodes: [
        { tag: 'ph', at: 1, attrs: { x: '1' }, content: '{0}' },
        { tag: 'bpt', at: 3, attrs: { i: '2', x: '2', type: 'bold' }, content: '&lt;b&gt;' },
        { tag: 'ept', at: 5, attrs: { i: '2' }, content: '&lt;/b&gt;' },
      ],
      enCodes: [
        { tag: 'ph', at: 6, attrs: { x: '1' }, content: '{0}', spaceAfter: ' ' },
        { tag: 'bpt', at: 17, attrs: { i: '2', x: '2', type: 'bold' }, content: '&lt;b&gt;' },
        { tag: 'ept', at: 22, attrs: { i: '2' }, content: '&lt;/b&gt;' },
      ],
      notes: [{ text: 'Checked against the release.' }, { text: 'Reviewed', side: 'en' }],
    });
    expect(from12).toEqual(fromTmx);
    expect(from20).toEqual(fromTmx);
  });

  it('exports XLIFF codes and notes in each format’s own markup; re-importing an export adds nothing', async () => {
    const store = await makeStore();
    await importText(store, 'a.xlf', XLIFF12);
    await importText(store, 'b.xlf', XLIFF12_MORE);

    const tmx = await exportText(store, 'tmx');
    expect(await validateTmx(tmx)).toEqual({ valid: true, errors: [] });
    expect(tmx).toContain(
      '<seg>按<ph x="1">{0}</ph>查看<bpt i="2" x="2" type="bold">&lt;b&gt;</bpt>文件<ept i="2">&lt;/b&gt;</ept>。</seg>',
    );
    expect(tmx).toMatch(
      /<tu [^>]*creationdate="\d{8}T\d{6}Z"[^>]*>\n {6}<note>Checked against the release\.<\/note>/,
    );
    expect(tmx).toContain(
      '<tuv xml:lang="en-US">\n        <note>Reviewed</note>\n        <seg>Press <ph x="1">{0}</ph> to see the',
    );
    expect(tmx).toContain(
      '<seg>欢迎<bpt i="1" x="1" type="bold"></bpt>访问<ept i="1"></ept><ph x="2" type="lb"></ph>重庆<hi type="term">外事</hi><bpt i="3" x="3"></bpt>办公室<bpt i="4" x="4"></bpt>今天<ept i="3"></ept>和<ept i="4"></ept>以后<it pos="end" x="5">&lt;/span&gt;</it></seg>',
    );
    expect(tmx).toContain(
      `<seg>Welcome to <bpt i="1" x="1" type="bold"></bpt>visit<ept i="1"></ept><ph x="2" type="lb"></ph>Chongqing's <hi type="term">foreign affairs</hi> <bpt i="3" x="3"></bpt>office <bpt i="4" x="4"></bpt>today<ept i="3"></ept> and<ept i="4"></ept> later<it pos="end" x="5">&lt;/span&gt;</it></seg>`,
    );

    const xliff = await exportText(store, 'xliff');
    expect(xliff).toContain(
      '<source>按<ph id="1">{0}</ph>查看<bpt id="2" ctype="bold">&lt;b&gt;</bpt>文件<ept id="2">&lt;/b&gt;</ept>。</source>',
    );
    expect(xliff).toContain(
      '<target state="translated">Press <ph id="1">{0}</ph> to see the <bpt id="2" ctype="bold">&lt;b&gt;</bpt>files<ept id="2">&lt;/b&gt;</ept>.</target>\n' +
        '        <note>Checked against the release.</note>\n        <note annotates="target">Reviewed</note>\n',
    );
    // Chinese is the source of bitext's XLIFF: the second unit's sides swap, their codes with them.
    expect(xliff).toContain(
      '<source>欢迎<g id="1" ctype="bold">访问</g><x id="2" ctype="lb"/>重庆<mrk mtype="term">外事</mrk><bx id="3"/>办公室<g id="4">今天<ex id="3"/>和</g>以后<it id="5" pos="close">&lt;/span&gt;</it></source>',
    );

    const xliff2 = await exportText(store, 'xliff2');
    expect(await validateXliff2(xliff2)).toMatchObject({ valid: true, errors: [] });
    expect(xliff2).toContain(
      '      <notes>\n        <note>Checked against the release.</note>\n        <note appliesTo="target">Reviewed</note>\n      </notes>\n' +
        '      <originalData>\n        <data id="d1">{0}</data>\n        <data id="d2">&lt;b&gt;</data>\n        <data id="d3">&lt;/b&gt;</data>\n      </originalData>\n',
    );
    expect(xliff2).toContain(
      '<source>按<ph id="1" dataRef="d1"/>查看<pc id="2" dataRefStart="d2" dataRefEnd="d3" type="fmt" subType="xlf:b">文件</pc>。</source>',
    );
    expect(xliff2).toContain(
      '<target>Press <ph id="1" dataRef="d1"/> to see the <pc id="2" dataRefStart="d2" dataRefEnd="d3" type="fmt" subType="xlf:b">files</pc>.</target>',
    );
    expect(xliff2).toContain(
      '<source>欢迎<pc id="1" type="fmt" subType="xlf:b">访问</pc><ph id="2" type="fmt" subType="xlf:lb"/>重庆<mrk id="m4" type="term">外事</mrk><sc id="3"/>办公室<pc id="4">今天<ec startRef="3"/>和</pc>以后<ec id="5" isolated="yes" dataRef="d1"/></source>',
    );

    // Each export, read back, gives the same plain text and equivalent codes: nothing is added.
    const before = (await unitsOf(store)).map(stored);
    for (const [name, text] of [
      ['export.tmx', tmx],
      ['export.xlf', xliff],
      ['export.xlf2', xliff2],
    ] as const) {
      expect(await importText(store, name, text)).toMatchObject({ read: 2, added: 0, duplicates: 2 });
      const fresh = await makeStore();
      await importText(fresh, name, text);
      const again = (await unitsOf(fresh)).map(stored);
      await fresh.close();
      expect(again.map((u) => [u.zh, u.en])).toEqual(before.map((u) => [u.zh, u.en]));
      expect(again.map((u) => [u.zhCodes, u.enCodes].map(placed))).toEqual(
        before.map((u) => [u.zhCodes, u.enCodes].map(placed)),
      );
      expect(again.map((u) => u.notes)).toEqual(before.map((u) => u.notes));
    }
    expect(await unitsOf(store)).toHaveLength(2);
    await store.close();
  });
});

/** Where each code stands and what it is, as every format can say it (the ids it has may be renumbered). */
const placed = (codes: TmUnit['zhCodes']) =>
  (codes ?? []).map((c) => [c.tag, c.at, c.content ?? '', c.attrs?.['type'] ?? '', c.attrs?.['pos'] ?? '']);

/**
 * The part of the XLIFF 2.0 core schema bitext writes, inline codes and notes included, in RELAX NG
 * for xmllint-wasm, from the specification (XLIFF Version 2.0, OASIS Standard, 2014: §4.2.2 notes,
 * originalData and data, §4.2.3 ph, pc, sc, ec, mrk; §4.7 their attributes). Metadata is any
 * element of the Metadata module (export-xliff2-xlsx.test.ts checks it in full).
 */
const XLIFF2_WITH_CODES = `<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes" ns="${XLIFF2_NAMESPACE}">
  <start><element name="xliff">
    <attribute name="version"><value>2.0</value></attribute>
    <attribute name="srcLang"><data type="language"/></attribute>
    <optional><attribute name="trgLang"><data type="language"/></attribute></optional>
    <oneOrMore><element name="file">
      <attribute name="id"><data type="NMTOKEN"/></attribute>
      <optional><attribute name="original"/></optional>
      <oneOrMore><ref name="unit"/></oneOrMore>
    </element></oneOrMore>
  </element></start>
  <define name="unit"><element name="unit">
    <attribute name="id"><data type="NMTOKEN"/></attribute>
    <optional><ref name="foreign"/></optional>
    <optional><element name="notes"><oneOrMore><element name="note">
      <optional><attribute name="appliesTo"><choice><value>source</value><value>target</value></choice></attribute></optional>
      <text/>
    </element></oneOrMore></element></optional>
    <optional><element name="originalData"><oneOrMore><element name="data">
      <attribute name="id"><data type="NMTOKEN"/></attribute>
      <ref name="plain"/>
    </element></oneOrMore></element></optional>
    <oneOrMore><element name="segment">
      <optional><attribute name="state"><value>translated</value></attribute></optional>
      <element name="source"><ref name="text"/></element>
      <optional><element name="target"><ref name="text"/></element></optional>
    </element></oneOrMore>
  </element></define>
  <define name="foreign"><element><anyName><except><nsName/></except></anyName>
    <zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="foreign"/></choice></zeroOrMore>
  </element></define>
  <define name="plain"><mixed><zeroOrMore><ref name="cp"/></zeroOrMore></mixed></define>
  <define name="cp"><element name="cp"><attribute name="hex"><data type="hexBinary"/></attribute><empty/></element></define>
  <define name="kind">
    <optional><attribute name="type"><choice><value>fmt</value><value>link</value><value>image</value></choice></attribute></optional>
    <optional><attribute name="subType"><data type="string"><param name="pattern">[^\\s:]+:[^\\s:]+</param></data></attribute></optional>
  </define>
  <define name="text"><mixed><zeroOrMore><choice>
    <ref name="cp"/>
    <element name="ph"><attribute name="id"><data type="NMTOKEN"/></attribute>
      <optional><attribute name="dataRef"><data type="NMTOKEN"/></attribute></optional><ref name="kind"/><empty/></element>
    <element name="pc"><attribute name="id"><data type="NMTOKEN"/></attribute>
      <optional><attribute name="dataRefStart"><data type="NMTOKEN"/></attribute></optional>
      <optional><attribute name="dataRefEnd"><data type="NMTOKEN"/></attribute></optional><ref name="kind"/><ref name="text"/></element>
    <element name="sc"><attribute name="id"><data type="NMTOKEN"/></attribute>
      <optional><attribute name="isolated"><value>yes</value></attribute></optional>
      <optional><attribute name="dataRef"><data type="NMTOKEN"/></attribute></optional><ref name="kind"/><empty/></element>
    <element name="ec"><choice>
        <attribute name="startRef"><data type="NMTOKEN"/></attribute>
        <group><attribute name="id"><data type="NMTOKEN"/></attribute><attribute name="isolated"><value>yes</value></attribute></group>
      </choice>
      <optional><attribute name="dataRef"><data type="NMTOKEN"/></attribute></optional><ref name="kind"/><empty/></element>
    <element name="mrk"><attribute name="id"><data type="NMTOKEN"/></attribute>
      <optional><attribute name="type"/></optional>
      <optional><attribute name="translate"><choice><value>yes</value><value>no</value></choice></attribute></optional>
      <ref name="text"/></element>
  </choice></zeroOrMore></mixed></define>
</grammar>`;

async function validateXliff2(xml: string) {
  return validateXML({
    xml: { fileName: 'export.xlf', contents: xml },
    schema: { fileName: 'xliff2-codes.rng', contents: XLIFF2_WITH_CODES },
    extension: 'relaxng',
  });
}
