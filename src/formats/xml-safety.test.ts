import { describe, expect, it } from 'vitest';
import { isBitextError } from '../core/errors.js';
import { decodeXmlBytes, doctypeRefusal, parseXmlStream, xmlRootName } from './xml-safety.js';

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
      'DOCTYPE declarations are refused unless they only name a .dtd file (never read), found <!DOCTYPE tmx SYSTEM "x.txt">',
    );
  });
});

/** Bytes of `text` in a single-byte encoding: TextDecoder's table inverted (Node cannot encode them). */
function singleByte(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0xff; b >= 0; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

async function decoded(bytes: Uint8Array, chunk = 5): Promise<string> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  let text = '';
  for await (const piece of decodeXmlBytes(chunks(), 'f.xml')) text += piece;
  return text;
}

async function decodeError(bytes: Uint8Array) {
  const error = await decoded(bytes).catch((e: unknown) => e);
  if (!isBitextError(error)) throw new Error(`expected a BitextError, got ${String(error)}`);
  expect(error.location.file).toBe('f.xml');
  expect(error.describe()).not.toContain('\n');
  return error;
}

describe('the XML encoding declaration', () => {
  it.each([
    ['ISO-8859-1', 'Café déjà vu'],
    ['windows-1254', 'éáğı Şişli'],
    ['KOI8-R', 'Москва'],
    ['iso-8859-7', 'Αθήνα'],
  ])('decodes %s as declared, in chunks', async (encoding, text) => {
    const xml = `<?xml version="1.0" encoding="${encoding}"?><a>${text}</a>`;
    expect(await decoded(singleByte(xml, encoding))).toBe(xml);
  });

  it('decodes windows-1252 by its own table (Node 20 reads it as Latin-1)', async () => {
    const head = '<?xml version="1.0" encoding="windows-1252"?><a>';
    const bytes = Buffer.concat([
      Buffer.from(head),
      Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x99]),
      Buffer.from('</a>'),
    ]);
    expect(await decoded(bytes, 3)).toBe(`${head}“Café” – €5™</a>`);
  });

  it('names file and byte offset of a byte the declared encoding does not have', async () => {
    const xml = singleByte('<?xml version="1.0" encoding="ISO-8859-8"?><a>abc?</a>', 'iso-8859-8');
    const at = xml.indexOf(0x3f, 40);
    xml[at] = 0xa1; // unassigned in ISO-8859-8
    const error = await decodeError(xml);
    expect(error).toMatchObject({ code: 'DECODE_ERROR', location: { offset: at } });
    expect(error.message).toBe(
      `invalid iso-8859-8 at byte ${at} (decoding as its XML declaration says (encoding="ISO-8859-8"))`,
    );
  });

  it('refuses a byte-order mark that contradicts the declaration, naming both', async () => {
    const utf8Bom = new TextEncoder().encode('\ufeff<?xml version="1.0" encoding="windows-1252"?><a/>');
    expect(await decodeError(utf8Bom)).toMatchObject({
      code: 'XML_ENCODING_MISMATCH',
      message: 'the XML declaration says encoding="windows-1252" but the byte-order mark says UTF-8',
    });
    const utf16Bom = Buffer.from('\ufeff<?xml version="1.0" encoding="UTF-8"?><a/>', 'utf16le');
    expect((await decodeError(utf16Bom)).message).toBe(
      'the XML declaration says encoding="UTF-8" but the byte-order mark says UTF-16LE',
    );
    const utf16NoBom = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a/>', 'utf16le');
    expect((await decodeError(utf16NoBom)).code).toBe('XML_ENCODING_MISMATCH');
    const declaredUtf16 = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><a/>');
    expect((await decodeError(declaredUtf16)).code).toBe('XML_ENCODING_MISMATCH');
  });

  it('reads a byte-order mark that agrees: UTF-16 either way round, UTF-8', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><a>外事</a>';
    expect(await decoded(Buffer.from(`\ufeff${xml}`, 'utf16le'))).toBe(xml);
    expect(await decoded(Buffer.from(`\ufeff${xml}`, 'utf16le').swap16())).toBe(xml);
    const utf8 = '<?xml version="1.0" encoding="utf8"?><a>外事</a>';
    expect(await decoded(new TextEncoder().encode(`\ufeff${utf8}`))).toBe(utf8);
  });

  it('refuses an encoding it cannot decode', async () => {
    const error = await decodeError(
      new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><a/>'),
    );
    expect(error).toMatchObject({ code: 'XML_ENCODING_UNKNOWN', location: { offset: 0 } });
  });
});

describe('xmlRootName', () => {
  const root = (text: string) => xmlRootName(new TextEncoder().encode(text));

  it('finds the root after the declaration, processing instructions, comments and a DOCTYPE', () => {
    expect(root('<tmx version="1.4">')).toBe('tmx');
    expect(
      root(
        '\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet href="a"?><!-- <tbx> -->\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX">',
      ),
    ).toBe('martif');
    expect(root('<!DOCTYPE tmx PUBLIC "-//LISA//DTD TMX 1.4//EN" "tmx14.dtd"><tmx>')).toBe('tmx');
    expect(root('<!DOCTYPE x [<!ENTITY a "b">]><xliff/>')).toBe('xliff');
    expect(root('<xlf:xliff xmlns:xlf="urn:oasis:names:tc:xliff:document:1.2">')).toBe('xliff');
    expect(root('<TMX>')).toBe('tmx');
  });

  it('reads UTF-16 by its byte-order mark or first bytes', () => {
    const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(xmlRootName(utf16le('\uFEFF<?xml version="1.0" encoding="UTF-16"?><tmx>'))).toBe('tmx');
    expect(xmlRootName(utf16le('<?xml version="1.0"?><xliff>'))).toBe('xliff');
  });

  it('gives nothing for text that is not XML, or whose root is not in its first 4 KiB', () => {
    expect(root('谢谢\tThanks\n')).toBeUndefined();
    expect(root('<unfinished')).toBeUndefined();
    expect(root(`<!--${' '.repeat(5000)}--><tmx>`)).toBeUndefined();
  });
});
