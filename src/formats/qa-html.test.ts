import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/qa/index.js';
import { findingsToHtml, highlight } from './qa-html.js';

const finding: Finding = {
  check: 'untranslated',
  severity: 'error',
  message: 'Chinese left in the English: <中促会>',
  pair: 2,
  zh: { text: '中促会 & co', spans: [] },
  en: { text: 'The <script>中促会</script> met', spans: [{ start: 12, end: 15 }] },
  hint: 'translate "it"',
};

describe('findingsToHtml', () => {
  const html = findingsToHtml([finding], { title: 'QA of <doc>', pairs: 5 });

  it('is one self-contained page: inline CSS, no scripts or external resources', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
  });

  it('escapes all user text and highlights the spans', () => {
    expect(html).toContain('QA of &lt;doc&gt;');
    expect(html).toContain('The &lt;script&gt;<mark>中促会</mark>&lt;/script&gt; met');
    expect(html).toContain('中促会 &amp; co');
    expect(html).toContain('translate &quot;it&quot;');
  });

  it('counts findings by check and says how many pairs were read', () => {
    expect(html).toMatch(/<span class="check">untranslated<\/span><\/td><td class="n">1<\/td>/);
    expect(html).toMatch(
      /<tr class="zero"><td><span class="check">number<\/span><\/td><td class="n">0<\/td>/,
    );
    expect(html).toContain('1 finding: 1 error, 0 warnings, 0 info in 5 pairs');
  });

  it('says so when there is nothing to report', () => {
    expect(findingsToHtml([])).toContain('No findings.');
  });
});

describe('highlight', () => {
  it('merges overlapping spans and clamps them to the text', () => {
    expect(
      highlight({
        text: 'abcdef',
        spans: [
          { start: 1, end: 3 },
          { start: 2, end: 4 },
          { start: 5, end: 99 },
        ],
      }),
    ).toBe('a<mark>bcd</mark>e<mark>f</mark>');
  });
});
