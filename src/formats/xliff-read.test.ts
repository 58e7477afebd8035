import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import type { ImportedUnit } from './tmx-read.js';
import { readXliff } from './xliff-read.js';
import {
  xliffEnd,
  xliffFileEnd,
  xliffFileStart,
  xliffFooter,
  xliffHeader,
  xliffStart,
  xliffUnit,
} from './xliff-write.js';

async function read(xml: string): Promise<ImportedUnit[]> {
  const units: ImportedUnit[] = [];
  for await (const unit of readXliff([xml], 'test.xlf')) units.push(unit);
  return units;
}

describe('readXliff', () => {
  it('reads XLIFF 1.2 trans-units, in groups, without inline code or alternative translations', async () => {
    const units = await read(`<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.docx" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
    <group id="g"><trans-unit id="1"><source>外事<ph id="1">{b}</ph>工作</source><target>Foreign <g id="2">affairs</g> work</target>
      <alt-trans><source>外事</source><target>WRONG</target></alt-trans></trans-unit></group>
    <trans-unit id="2"><source>未翻译</source></trans-unit>
  </body></file>
</xliff>`);
    expect(units).toEqual([
      { zh: '外事工作', en: 'Foreign affairs work', zhLang: 'zh-CN', enLang: 'en-US', position: 0 },
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
});
