import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKind, FlatText } from './flat-text.js';

/** Text pieces and gaps: a string is text, 's' a white-space code, 'n' any other code. */
function flat(...parts: Array<string | { gap: 'space' | 'none' }>): string {
  const text = new FlatText();
  for (const part of parts) typeof part === 'string' ? text.append(part) : text.gap(part.gap);
  return text.finish();
}
const s = { gap: 'space' } as const;
const n = { gap: 'none' } as const;

describe('FlatText', () => {
  it('turns a white-space code between words into one space, and into nothing between Chinese', () => {
    expect(flat('Press', s, 'Enter')).toBe('Press Enter');
    expect(flat('外事', s, '工作')).toBe('外事工作');
    expect(flat('外事', s, 'work')).toBe('外事work');
  });

  it('never glues words, never leaves double spaces or a space before punctuation', () => {
    expect(flat('Hello', n, 'world')).toBe('Helloworld');
    expect(flat('the variable ', n, ' now')).toBe('the variable now');
    expect(flat('the variable ', n, '.')).toBe('the variable.');
    expect(flat('the variable ', s, '.')).toBe('the variable.');
    expect(flat('a ', n, n, ' b')).toBe('a b');
    expect(flat(n, ' start', n)).toBe('start');
    expect(flat('end ', n)).toBe('end');
    expect(flat('plain text  stays')).toBe('plain text  stays');
    // White space dropped at the start leaves nothing that later gaps could count as text.
    expect(flat(n, ' ', s, 'a')).toBe('a');
    expect(flat(n, ' ', n, ' b')).toBe('b');
  });

  it('knows white-space codes by content and by type', () => {
    expect(codeKind('\t', undefined)).toBe('space');
    expect(codeKind('<br/>', undefined)).toBe('space');
    expect(codeKind('{0}', undefined)).toBe('none');
    expect(codeKind('', 'lb')).toBe('space');
    expect(codeKind('', 'xlf:lb')).toBe('space');
    expect(codeKind('', 'x-tab')).toBe('space');
    expect(codeKind('', 'bold')).toBe('none');
    expect(codeKind('', undefined)).toBe('none');
  });

  it('keeps text without codes as it is, and never turns a code into a double space or loses a letter', () => {
    const piece = fc.stringMatching(/^[a-z 外事。.]{0,6}$/);
    const part = fc.oneof(piece, fc.constantFrom(s, n));
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        expect(flat(...pieces)).toBe(pieces.join(''));
      }),
    );
    fc.assert(
      fc.property(fc.array(part), (parts) => {
        const text = flat(...parts);
        const letters = (t: string) => t.replace(/[\s]/g, '');
        expect(letters(text)).toBe(letters(parts.filter((p) => typeof p === 'string').join('')));
        // A double space comes only from the text itself — pieces with no code between them, such as
        // [' ', '', ' '] — never from where a code stood.
        const runs = [''];
        for (const p of parts) {
          if (typeof p === 'string') runs[runs.length - 1] += p;
          else runs.push('');
        }
        if (!runs.some((run) => /\s\s/.test(run))) expect(text).not.toMatch(/\s\s/);
      }),
      { examples: [[[' ', '', ' ']]] },
    );
    // A gap at the start leaves no white space there, whatever follows it.
    fc.assert(
      fc.property(fc.constantFrom(s, n), fc.array(part), (first, parts) => {
        expect(flat(first, ...parts)).not.toMatch(/^\s/);
      }),
      {
        examples: [
          [n, [' ', s, 'a']],
          [s, [' ', n, ' b']],
          // Found by CI: white space after the gap in two pieces.
          [s, [' ', ' ']],
        ],
      },
    );
  });
});
