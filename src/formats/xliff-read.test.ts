import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import type { ImportedUnit, ReadOptions } from './tmx-read.js';
import { readXliff } from './xliff-read.js';
import {
  xliffEnd,
  xliffFileEnd,
  xliffFileStart,
  xliffFooter,
  xliffHeader,
  xliffSegContent,
  xliffStart,
  xliffUnit,
} from './xliff-write.js';
import { xliff2SegContent } from './xliff2-write.js';

async function read(xml: string, options: ReadOptions = {}): Promise<ImportedUnit[]> {
  const units: ImportedUnit[] = [];
  for await (const unit of readXliff([xml], 'test.xlf', options)) units.push(unit);
  return units;
}

describe('readXliff', () => {
  it('reads XLIFF 1.2 trans-units, in groups, codes beside the text, without alternative translations', async () => {
    const units = await read(`<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.docx" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
    <group id="g"><trans-unit id="1"><source>外事<ph id="1">{b}</ph>工作</source><target>Foreign <g id="2">affairs</g> work</target>
      <alt-trans><source>外事</source><target>WRONG</target></alt-trans></trans-unit></group>
    <trans-unit id="2"><source>未翻译</source></trans-unit>
  </body></file>
</xliff>`);
    expect(units).toEqual([
      {
        zh: '外事工作',
        en: 'Foreign affairs work',
        zhLang: 'zh-CN',
        enLang: 'en-US',
        position: 0,
        zhCodes: [{ tag: 'ph', at: 2, attrs: { x: '1' }, content: '{b}' }],
        enCodes: [
          { tag: 'bpt', at: 8, attrs: { i: '2', x: '2' } },
          { tag: 'ept', at: 15, attrs: { i: '2' } },
        ],
      },
      { zh: '未翻译', en: '', zhLang: 'zh-CN', enLang: 'en-US', position: 1 },
    ]);
  });

  it('reads XLIFF 2.0 segments, English source and Traditional target', async () => {
    const units =
      await read(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-TW">
  <file id="f"><unit id="u1">
    <segment><source>Hello<cp hex="0021"/></source><target>你好！</target></segment>
    <ignorable><source> </source></ignorable>
    <segment><source>World <pc id="1">peace</pc></source><target>世界<pc id="1">和平</pc></target></segment>
  </unit></file>
</xliff>`);
    expect(units.map((u) => [u.zh, u.en, u.zhLang, u.enLang])).toEqual([
      ['你好！', 'Hello!', 'zh-TW', 'en'],
      ['世界和平', 'World peace', 'zh-TW', 'en'],
    ]);
  });

  it('takes languages per file, and a <source>/<target> xml:lang for its unit only', async () => {
    const units = await read(`<xliff version="1.2">
  <file original="a" source-language="zh-TW" target-language="en-GB"><body>
    <trans-unit id="1"><source>外事</source><target xml:lang="en-AU">Foreign affairs</target></trans-unit>
    <trans-unit id="2"><source>友協</source><target>Friendship association</target></trans-unit>
  </body></file>
  <file original="b" source-language="en-US" target-language="zh-HK"><body>
    <trans-unit id="3"><source>Welcome</source><target>歡迎</target></trans-unit>
    <trans-unit id="4"><source xml:lang="en-GB">Thanks</source><target xml:lang="zh-MO">多謝</target></trans-unit>
    <trans-unit id="5"><source>Hello</source><target>你好</target></trans-unit>
  </body></file>
</xliff>`);
    expect(units.map((u) => [u.zh, u.zhLang, u.enLang])).toEqual([
      ['外事', 'zh-TW', 'en-AU'],
      ['友協', 'zh-TW', 'en-GB'],
      ['歡迎', 'zh-HK', 'en-US'],
      ['多謝', 'zh-MO', 'en-GB'],
      ['你好', 'zh-HK', 'en-US'],
    ]);
  });

  it('reads back what xliff-write writes, one file per language pair', async () => {
    const xml =
      xliffStart() +
      xliffFileStart({ sourceLang: 'zh-TW', targetLang: 'en-GB' }) +
      xliffUnit({ id: '1', source: '臺北', target: 'Taipei' }) +
      xliffFileEnd() +
      xliffFileStart({ sourceLang: 'zh-CN', targetLang: 'en-US' }) +
      xliffUnit({ id: '2', source: '北京', target: 'Beijing' }) +
      xliffFileEnd() +
      xliffEnd();
    expect((await read(xml)).map((u) => [u.zh, u.en, u.zhLang, u.enLang])).toEqual([
      ['臺北', 'Taipei', 'zh-TW', 'en-GB'],
      ['北京', 'Beijing', 'zh-CN', 'en-US'],
    ]);
  });

  it('reads back what xliff-write writes', async () => {
    const xml =
      xliffHeader({ sourceLang: 'zh-CN', targetLang: 'en-US' }) +
      xliffUnit({ id: '7', source: 'A<B & "C"', target: '甲<乙' }) +
      xliffFooter();
    expect((await read(xml)).map((u) => [u.zh, u.en])).toEqual([['A<B & "C"', '甲<乙']]);
  });

  it('refuses a file without a zh and an en language, and DTDs', async () => {
    const fail = async (xml: string) => {
      try {
        await read(xml);
      } catch (error) {
        if (isBitextError(error)) return error.code;
      }
      return 'no error';
    };
    expect(
      await fail(
        '<xliff version="1.2"><file source-language="fr" target-language="de"><body><trans-unit id="1"><source>a</source><target>b</target></trans-unit></body></file></xliff>',
      ),
    ).toBe('XLIFF_LANGUAGES');
    expect(await fail('<!DOCTYPE xliff [<!ENTITY x "y">]><xliff version="1.2"/>')).toBe('XML_DTD_REFUSED');
  });

  it('splits a trans-unit by <seg-source> segments, pairing source and target mrk by mid', async () => {
    const units =
      await read(`<xliff version="1.2"><file original="a" source-language="en-US" target-language="zh-CN"><body>
<trans-unit id="1"><source>First sentence. Second <g id="1">one</g>.</source>
<seg-source><mrk mtype="seg" mid="1">First sentence.</mrk> <mrk mtype="seg" mid="2">Second <g id="1">one<x id="2"/></g>.</mrk><mrk mtype="seg" mid="3">Third.</mrk></seg-source>
<target><mrk mtype="seg" mid="2">第二<g id="1">句</g>。</mrk><mrk mtype="seg" mid="1">第一句。</mrk></target></trans-unit>
<trans-unit id="2"><source>Unsegmented.</source><seg-source><mrk mtype="seg" mid="9">Unsegmented.</mrk></seg-source><target>未分段。</target></trans-unit>
</body></file></xliff>`);
    expect(units.map((u) => [u.en, u.zh, u.position])).toEqual([
      ['First sentence.', '第一句。', 0],
      ['Second one.', '第二句。', 1],
      ['Third.', '', 2],
      ['Unsegmented.', '未分段。', 3],
    ]);
  });

  it('drops Trados deleted revisions and memoQ history, and every other-namespace element', async () => {
    const sdl =
      await read(`<xliff version="1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file original="a" source-language="zh-CN" target-language="en-US"><body>
<trans-unit id="1"><source>外事工作</source><seg-source><mrk mtype="seg" mid="1">外事工作</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Foreign <mrk mtype="x-sdl-deleted" sdl:revid="r1">policy </mrk><mrk mtype="x-sdl-added" sdl:revid="r2">affairs </mrk>work</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"><sdl:prev-origin><sdl:value key="text">Old text</sdl:value></sdl:prev-origin></sdl:seg></sdl:seg-defs></trans-unit>
</body></file></xliff>`);
    expect(sdl.map((u) => [u.zh, u.en])).toEqual([['外事工作', 'Foreign affairs work']]);
    const mq =
      await read(`<xliff version="1.2" xmlns:mq="MQXliff"><file original="a" source-language="en-GB" target-language="zh-TW"><body>
<trans-unit id="1" mq:status="ManuallyConfirmed"><source>Welcome</source><target>歡迎</target>
<mq:historical-unit><source>Welcome, friends</source><target>歡迎朋友</target></mq:historical-unit></trans-unit>
</body></file></xliff>`);
    expect(mq.map((u) => [u.zh, u.en])).toEqual([['歡迎', 'Welcome']]);
  });

  it('reads XLIFF elements under a prefix bound to the XLIFF namespace', async () => {
    const units =
      await read(`<x:xliff version="1.2" xmlns:x="urn:oasis:names:tc:xliff:document:1.2"><x:file original="a" source-language="zh" target-language="en"><x:body>
<x:trans-unit id="1"><x:source>外事</x:source><x:target>Foreign affairs</x:target></x:trans-unit></x:body></x:file></x:xliff>`);
    expect(units.map((u) => [u.zh, u.en])).toEqual([['外事', 'Foreign affairs']]);
  });

  it('flattens inline codes without losing or gluing text; <sub> is not the segment', async () => {
    const units =
      await read(`<xliff version="1.2"><file original="a" source-language="en" target-language="zh"><body>
<trans-unit id="1"><source>Check the variable <ph id="1">%s</ph>. Press<ph id="2">\t</ph>Enter,<x id="3" ctype="lb"/>then <bx id="4"/>go<ex id="5"/> <ph id="6">&lt;img alt="<sub>Logo text</sub>"&gt;</ph> <mrk mtype="term">now</mrk>.</source>
<target>检查变量<ph id="1">%s</ph>。按<ph id="2">\t</ph><g id="7">回车</g><x id="3" ctype="lb"/>键<bpt id="8">&lt;b&gt;</bpt>现在<ept id="8">&lt;/b&gt;</ept>。</target></trans-unit>
</body></file></xliff>`);
    expect(units.map((u) => [u.en, u.zh])).toEqual([
      ['Check the variable. Press Enter, then go now.', '检查变量。按回车键现在。'],
    ]);
    const v2 =
      await read(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh">
<file id="f"><unit id="u1"><originalData><data id="d1">\t</data><data id="d2">{0}</data></originalData>
<segment><source>Press<ph id="1" dataRef="d1"/>Enter for <ph id="2" dataRef="d2"/> <pc id="3">files</pc><ph id="4" subType="xlf:lb"/>now<sc id="5"/>!<ec startRef="5"/></source>
<target>按<ph id="1" dataRef="d1"/>回车<ph id="2" dataRef="d2"/><pc id="3">文件</pc><mrk id="m1" type="term">现在</mrk></target></segment></unit></file></xliff>`);
    expect(v2.map((u) => [u.en, u.zh])).toEqual([['Press Enter for files now!', '按回车文件现在']]);
  });

  it('names the languages of a unit that is not zh–en, and takes the tags it is told', async () => {
    const xml = (a: string, b: string) =>
      `<xliff version="1.2"><file original="a" source-language="${a}" target-language="${b}"><body><trans-unit id="1"><source>Hello</source><target>你好</target></trans-unit></body></file></xliff>`;
    await expect(read(xml('de-DE', 'fr-FR'))).rejects.toMatchObject({
      code: 'XLIFF_LANGUAGES',
      message: 'expected a Chinese (zh) and an English (en) language, found de-DE (source), fr-FR (target)',
      location: { file: 'test.xlf' },
    });
    const units = await read(xml('en-x-legal', 'yue-HK'), { zhLang: 'yue-HK' });
    expect(units.map((u) => [u.zh, u.zhLang, u.en, u.enLang])).toEqual([
      ['你好', 'zh-HK', 'Hello', 'en-x-legal'],
    ]);
  });

  it('keeps each code in the TMX model: native code with its <sub>, pairs, isolated codes, marks', async () => {
    const [v1] =
      await read(`<xliff version="1.2"><file original="a" source-language="en" target-language="zh"><body>
<trans-unit id="1"><source>See <ph id="1" ctype="image">&lt;img alt="<sub datatype="html">Logo</sub>"&gt;</ph> <mrk mtype="protected">API</mrk><it id="2" pos="open" ctype="x-span">&lt;span&gt;</it></source><target>见</target>
<note annotates="source">English wording from the client</note><note from="pm">Deadline Friday</note></trans-unit>
</body></file></xliff>`);
    expect(v1!.en).toBe('See API');
    expect(v1!.enCodes).toEqual([
      {
        tag: 'ph',
        at: 4,
        attrs: { x: '1', type: 'image' },
        content: '&lt;img alt=&quot;<sub datatype="html">Logo</sub>&quot;&gt;',
        spaceAfter: ' ',
      },
      { tag: 'hi', at: 4, attrs: { type: 'protected' } },
      { tag: '/hi', at: 7 },
      { tag: 'it', at: 7, attrs: { pos: 'begin', x: '2', type: 'x-span' }, content: '&lt;span&gt;' },
    ]);
    // English is the source here: the note on the source is the English side's.
    expect(v1!.meta).toEqual({
      notes: [{ text: 'English wording from the client', side: 'en' }, { text: 'Deadline Friday' }],
      undated: true,
    });
    const [v2] =
      await read(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
<file id="f"><unit id="u1"><originalData><data id="d1">&lt;i&gt;</data><data id="d2">&lt;/i&gt;</data><data id="d3">&lt;br<cp hex="0009"/>/&gt;</data></originalData>
<segment><source>甲<sc id="1" dataRef="d1"/>乙<ec startRef="1" dataRef="d2"/>丙<sc id="2" isolated="yes"/></source>
<target>A <sc id="1" dataRef="d1" type="fmt" subType="xlf:i"/>B<ec startRef="1" dataRef="d2"/> <mrk id="m1" translate="no">C</mrk><ph id="3" dataRef="d3"/></target></segment></unit></file></xliff>`);
    expect(v2!.zhCodes).toEqual([
      { tag: 'bpt', at: 1, attrs: { i: '1', x: '1' }, content: '&lt;i&gt;' },
      { tag: 'ept', at: 2, attrs: { i: '1' }, content: '&lt;/i&gt;' },
      { tag: 'it', at: 3, attrs: { pos: 'begin', x: '2' } },
    ]);
    expect(v2!.enCodes?.map((c) => [c.tag, c.at, c.attrs?.['type'], c.content])).toEqual([
      ['bpt', 2, 'italic', '&lt;i&gt;'],
      ['ept', 3, undefined, '&lt;/i&gt;'],
      ['hi', 4, 'protected', undefined],
      ['/hi', 5, undefined, undefined],
      ['ph', 5, undefined, '&lt;br\t/&gt;'],
    ]);
  });

  it('reads back the codes its writers write, in XLIFF 1.2 and 2.0 markup', async () => {
    const segments = [
      'Press <x id="1"/> to see <g id="2" ctype="bold">files</g>.',
      'A<bx id="1"/>b<g id="2">c<ex id="1"/>d</g>e',
      '<it id="1" pos="close">&lt;/a&gt;</it>end <ph id="2" ctype="lb">&lt;br/&gt;</ph>',
      'fn<ph id="1">&lt;fn <sub>note</sub>&gt;</ph> <mrk mtype="term">term</mrk> and <mrk mtype="x-hi">x</mrk>',
      '<bpt id="5">&lt;b&gt;</bpt>bold<ept id="5">&lt;/b&gt;</ept> and<bpt id="6">[</bpt> open',
    ];
    for (const seg of segments) {
      const xml = (source: string) =>
        `<xliff version="1.2"><file original="a" source-language="en" target-language="zh"><body><trans-unit id="1"><source>${source}</source><target>见</target></trans-unit></body></file></xliff>`;
      const [unit] = await read(xml(seg));
      expect(xliffSegContent(unit!.en, unit!.enCodes)).toBe(
        // A lone bpt has no pair in XLIFF 1.2: it is an isolated <it>.
        seg.replace('<bpt id="6">[</bpt>', '<it id="6" pos="open">[</it>'),
      );
      const data: string[] = [];
      const content = xliff2SegContent(unit!.en, unit!.enCodes, data);
      const originalData = data.length
        ? `<originalData>${data.map((d, i) => `<data id="d${i + 1}">${d.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</data>`).join('')}</originalData>`
        : '';
      const [back] = await read(
        `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh"><file id="f"><unit id="u">${originalData}<segment><source>${content}</source><target>见</target></segment></unit></file></xliff>`,
      );
      expect(back!.en).toBe(unit!.en);
      // A bpt without its ept is 2.0's isolated <sc>, read back as TMX's isolated code, an it.
      const codes = unit!.enCodes ?? [];
      const lone = (c: (typeof codes)[number]) =>
        c.tag === 'bpt' && !codes.some((e) => e.tag === 'ept' && e.attrs?.['i'] === c.attrs?.['i']);
      const placed = (list: typeof codes | undefined) =>
        (list ?? []).map((c) => [
          c.tag === 'it' || lone(c) ? `it-${c.attrs?.['pos'] ?? 'begin'}` : c.tag,
          c.at,
          c.attrs?.['type'],
        ]);
      expect(placed(back!.enCodes)).toEqual(placed(codes));
    }
  });
});
