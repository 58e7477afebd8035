// Test helper: encode text as GB18030 or Big5. Node can decode these but not encode them, so the
// encoder is the decoder inverted over the two-byte code space (enough for the founding sample).
const tables = new Map<string, Map<string, number[]>>();

function table(encoding: 'gb18030' | 'big5'): Map<string, number[]> {
  let map = tables.get(encoding);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if ([...ch].length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // not a valid pair in this encoding
      }
    }
  }
  tables.set(encoding, map);
  return map;
}

/** Bytes of `text` in `encoding`; throws on a character the encoding (or this helper) cannot carry. */
export function encodeLegacy(text: string, encoding: 'gb18030' | 'big5'): Uint8Array {
  const map = table(encoding);
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = map.get(ch);
    if (!pair) throw new Error(`cannot encode ${JSON.stringify(ch)} (U+${code.toString(16)}) as ${encoding}`);
    bytes.push(...pair);
  }
  return new Uint8Array(bytes);
}
