import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterLength } from './length-evidence.js';

describe('characterLength', () => {
  it('counts the characters /\\s/ does not match, a surrogate pair as one, on any text', () => {
    const regexCount = (text: string) => [...text].filter((ch) => !/\s/u.test(ch)).length;
    // Every code unit /\s/ matches, surrogates alone and in pairs, and ordinary letters.
    const units = [
      ...Array.from({ length: 0x10000 }, (_, code) => code).filter((code) =>
        /\s/.test(String.fromCharCode(code)),
      ),
      0xd83d,
      0xde00,
      0xd800,
      0xdfff,
      0x41,
      0x4e2d,
      0x180e,
      0x200b,
    ];
    expect(units.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(characterLength(text)).toBe(regexCount(text));
      }),
      { numRuns: 3000 },
    );
    expect(characterLength('中国 人民\t😀 A\u3000')).toBe(6);
  });
});
