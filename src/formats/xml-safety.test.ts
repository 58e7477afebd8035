import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import { doctypeRefusal, parseXmlStream } from './xml-safety.js';

async function names(xml: string): Promise<string[]> {
  async function* chunks() {
    yield xml;
  }
  const out: string[] = [];
  for await (const name of parseXmlStream<string>(chunks(), 'f.xml', (emit) => ({
    open: (tag) => emit(tag.name),
    close: () => {},
    text: () => {},
  })))
    out.push(name);
  return out;
}

describe('DOCTYPE declarations', () => {
  it.each([
    ['OmegaT TMX', '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'],
    [
      'Maxprograms TMX',
      '<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd">',
    ],
    ['TBX v2', "<!DOCTYPE martif SYSTEM 'TBXcoreStructV02.dtd'>"],
    [
      'XLIFF 1.1 by URL',
      '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">',
    ],
    ['no identifier', '<!DOCTYPE tmx>'],
  ])('accepts one that only names its DTD (%s), which is never read', async (_, doctype) => {
    expect(await names(`<?xml version="1.0"?>\n${doctype}\n<root><a/></root>`)).toEqual(['root', 'a']);
  });

  it.each([
    ['an internal subset', '<!DOCTYPE tmx [<!ELEMENT tmx ANY>]>'],
    ['an entity declaration', '<!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>'],
    ['a local file as DTD', '<!DOCTYPE tmx SYSTEM "file:///etc/passwd">'],
    ['a system identifier that is no DTD', '<!DOCTYPE tmx SYSTEM "http://example.com/secret">'],
  ])('refuses %s, naming file and line', async (_, doctype) => {
    const error = await names(`<?xml version="1.0"?>\n${doctype}<root/>`).catch((e: unknown) => e);
    expect(isBitextError(error) && error.code).toBe('XML_DTD_REFUSED');
    if (isBitextError(error)) {
      expect(error.location).toMatchObject({ file: 'f.xml', line: 2 });
      expect(error.describe()).not.toContain('\n');
    }
  });

  it('says why in one line', () => {
    expect(doctypeRefusal(' tmx [\n<!ENTITY a "b">\n]')).toMatch(/internal subset/);
    expect(doctypeRefusal(' tmx SYSTEM\n"x.txt"')).toBe(
      'DOCTYPE refused: expected <!DOCTYPE name>, or one naming a .dtd file (never read), found <!DOCTYPE tmx SYSTEM "x.txt">',
    );
  });
});
