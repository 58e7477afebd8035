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
});
