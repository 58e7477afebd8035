import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InlineCode, pairCodes, tmxSegContent } from './inline-codes.js';
import { type ImportedUnit, readTmx } from './tmx-read.js';

const HEADER =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>';

/** The unit read from one tu whose zh segment is `zh` (TMX markup) and whose en side is fixed. */
async function readSeg(zh: string): Promise<ImportedUnit> {
  const xml = `<tmx version="1.4">${HEADER}<body><tu><tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>`;
  for await (const unit of readTmx([new TextEncoder().encode(xml)], 't.tmx')) return unit;
  throw new Error('no unit');
}

describe('tmxSegContent', () => {
  it('writes a segment back as it was read: codes at their offsets, the white space around them kept', async () => {
    for (const seg of [
      'Press <ph x="1">{0}</ph> to see <bpt i="1">&lt;b&gt;</bpt>files<ept i="1">&lt;/b&gt;</ept>.',
      'went well<ph>&lt;br/&gt;</ph>.',
      'Hello<ph>\t</ph>world <it pos="begin">&lt;i&gt;</it>',
      '<ph>x</ph> start and end <ph>y</ph>',
      'the variable <ph></ph>.',
      'a <hi type="x">b <ph>c</ph></hi> d',
      '重庆<bpt i="1" x="1">&lt;a href=&quot;x&quot;&gt;</bpt>外事<ept i="1">&lt;/a&gt;</ept>。',
      'fn<ph>&lt;fn <sub>note text</sub>&gt;</ph>',
    ]) {
      const unit = await readSeg(seg);
      expect(tmxSegContent(unit.zh, unit.zhCodes)).toBe(seg);
    }
  });

  it('gives back any segment of text, spaces and codes exactly (property)', async () => {
    const piece = fc.oneof(
      fc.constantFrom('a', 'word', '外事', ' ', '  ', '.', ' .', 'x y'),
      fc.constantFrom(
        '<ph>\t</ph>',
        '<ph x="1">{0}</ph>',
        '<bpt i="1">&lt;b&gt;</bpt>',
        '<ept i="1">&lt;/b&gt;</ept>',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
        const seg = pieces.join('');
        const unit = await readSeg(seg);
        expect(tmxSegContent(unit.zh, unit.zhCodes)).toBe(seg);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only the attributes TMX 1.4 allows, and supplies a required one that is missing', () => {
    expect(
      tmxSegContent('ab', [
        { tag: 'bpt', at: 1, attrs: { i: '2', rid: '9' }, content: '[' },
        { tag: 'it', at: 2, content: ']' },
      ]),
    ).toBe('a<bpt i="2">[</bpt>b<it pos="begin">]</it>');
  });
});

describe('pairCodes', () => {
  const code = (tag: InlineCode['tag'], i?: string): InlineCode => ({
    tag,
    at: 0,
    ...(i ? { attrs: { i } } : {}),
  });

  it('pairs each bpt with the next ept of its i, nested when it encloses its text as one element would', () => {
    // <b><i></i></b>: both nest.
    expect(pairCodes([code('bpt', '1'), code('bpt', '2'), code('ept', '2'), code('ept', '1')])).toEqual([
      { partner: 3, nested: true },
      { partner: 2, nested: true },
      { partner: 1, nested: true },
      { partner: 0, nested: true },
    ]);
    // <b><i></b></i>: the pair closed first crosses the other, which still nests.
    expect(pairCodes([code('bpt', '1'), code('bpt', '2'), code('ept', '1'), code('ept', '2')])).toEqual([
      { partner: 2, nested: false },
      { partner: 3, nested: true },
      { partner: 0, nested: false },
      { partner: 1, nested: true },
    ]);
  });

  it('keeps a hi an element: a pair that crosses its end does not nest, a lone code has no partner', () => {
    expect(
      pairCodes([code('hi'), code('bpt', '1'), code('/hi'), code('ept', '1'), code('ept', '9')]),
    ).toEqual([
      { partner: 2, nested: true },
      { partner: 3, nested: false },
      { partner: 0, nested: true },
      { partner: 1, nested: false },
      { nested: false },
    ]);
    expect(pairCodes([code('bpt', '1'), code('hi')])).toEqual([{ nested: false }, { nested: true }]);
  });
});
