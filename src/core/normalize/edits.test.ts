import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetMap } from './edits.js';
import { cleanText, type EditList } from './index.js';

/** Cleaned text, and the map of its offsets back to the raw text. */
function mapped(raw: string) {
  const steps: EditList[] = [];
  const { text } = cleanText(raw, {}, steps);
  return { text, map: new OffsetMap(steps) };
}

describe('OffsetMap', () => {
  it('takes spans of cleaned text back to the raw characters they came from', () => {
    const raw = '\u3000協(xié)會\u200b成立。  Cafe\u0301\r\nok';
    const { text, map } = mapped(raw);
    expect(text).toBe('協會成立。 Café\nok');
    const back = (from: number, to: number) =>
      raw.slice(map.toSource(from, 'start'), map.toSource(to, 'end'));
    expect(back(0, 1)).toBe('協');
    expect(back(1, 2)).toBe('會');
    expect(back(0, 5)).toBe('協(xié)會\u200b成立。');
    expect(back(6, 10)).toBe('Cafe\u0301');
    expect(back(11, 13)).toBe('ok');
    expect(map.toSource(text.length, 'end')).toBe(raw.length);
  });

  it('is the identity when nothing changed', () => {
    const { map } = mapped('Nothing to clean here.');
    expect(map.identity).toBe(true);
    expect(map.toSource(7, 'start')).toBe(7);
  });

  it('maps in order, inside the raw text, and every cleaned character back to what it was cleaned from', () => {
    const pieces = fc.constantFrom(
      'a',
      'é',
      'e\u0301',
      '協',
      '(xié)',
      ' ',
      '  ',
      '\u3000',
      '\u200b',
      '\r\n',
      '\n',
      '。',
      '\t',
      'ｆ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const raw = parts.join('');
        const { text, map } = mapped(raw);
        let last = 0;
        for (let i = 0; i < text.length; i++) {
          const start = map.toSource(i, 'start');
          const end = map.toSource(i + 1, 'end');
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeLessThanOrEqual(raw.length);
          expect(end).toBeGreaterThan(start);
          last = start;
          // Each cleaned character comes from the raw characters that clean to it: itself, or what
          // was replaced by it (a run of blanks, CRLF, a decomposed accent).
          expect(cleanText(`x${raw.slice(start, end)}x`).text).toBe(`x${text[i]}x`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
