import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from './helpers.js';
import { dtdToRelaxNg, validateTmx } from './tmx-dtd.js';

// The helper stands in for `xmllint --dtdvalid`; these cases were checked to get the same verdict
// from xmllint (libxml2 2.9.14) with the real DTD (it differs only where libxml2 is laxer than the DTD: it takes
// `lang` for a required `xml:lang`, and never checks the root element's name).
const header =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" ' +
  'srclang="zh-CN" datatype="plaintext"/>';
const unit =
  '<tu tuid="1"><prop type="x-a">v</prop><tuv xml:lang="zh-CN"><seg>你好</seg></tuv>' +
  '<tuv xml:lang="en"><note>n</note><seg>Hi <bpt i="1">&lt;b&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu>';
const tmx = (h: string, body: string, open = '<tmx version="1.4">') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${open}${h}<body>${body}</body></tmx>\n`;

describe('validateTmx (TMX 1.4 DTD, in-process)', () => {
  it('accepts valid documents, with or without a DOCTYPE, version or units', async () => {
    expect(await validateTmx(tmx(header, unit))).toEqual({ valid: true, errors: [] });
    expect((await validateTmx(tmx(header, ''))).valid).toBe(true);
    expect((await validateTmx(tmx(header, unit, '<tmx>'))).valid).toBe(true);
    const doctype = tmx(header, unit).replace('<tmx', '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx');
    expect((await validateTmx(doctype)).valid).toBe(true);
  });

  it.each([
    ['a required attribute missing', tmx(header.replace(' srclang="zh-CN"', ''), unit)],
    ['a value outside an enumeration', tmx(header.replace('"sentence"', '"word"'), unit)],
    ['a #FIXED value changed', tmx(header, unit, '<tmx version="1.3">')],
    ['a unit without variants', tmx(header, '<tu><prop type="x">v</prop></tu>')],
    [
      'elements out of order',
      tmx(header, '<tu><tuv xml:lang="en"><seg>a</seg></tuv><prop type="x">v</prop></tu>'),
    ],
    ['an undeclared attribute', tmx(header, unit.replace('<tu tuid="1">', '<tu tuid="1" foo="x">'))],
    ['an undeclared element', tmx(header, unit.replace('<seg>你好</seg>', '<seg>你<b>好</b></seg>'))],
    ['text where only elements may stand', tmx(header, `text${unit}`)],
    ['an element in #PCDATA-only content', tmx(header, unit.replace('>v</prop>', '>v<sub>s</sub></prop>'))],
    ['not well-formed', tmx(header, unit).replace('</body>', '')],
  ])('rejects %s, with a message and a line', async (_case, xml) => {
    const result = await validateTmx(xml);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toMatch(/\w/);
  });

  it('translates every element declared in the DTD', () => {
    const dtd = readFileSync(join(SHARED, 'standards/tmx14.dtd'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const declared = [...dtd.matchAll(/<!ELEMENT\s+(\S+)/g)].map((m) => m[1]);
    const grammar = dtdToRelaxNg(dtd, 'tmx');
    const defined = [...grammar.matchAll(/<define name="([^"]+)">/g)].map((m) => m[1]);
    expect(defined).toEqual(declared);
    expect(declared.length).toBeGreaterThan(15);
  });
});
