import { describe, expect, it } from 'vitest';
import { LINKED_DOCUMENT } from '../../../test/support/linked-document.js';
import { tagChinese } from '../lexicon/jieba.js';
import { findClauseSuspects } from './dropped-clauses.js';
import { runQa } from './index.js';
import { TranslationTable } from './translation-table.js';
import { contentWords, linkTargets } from './word-links.js';

const document = LINKED_DOCUMENT;

describe('dropped clauses', () => {
  it('finds the Chinese clause an English sentence lost, as the span, and nothing in the whole document', () => {
    expect(runQa(document, { checks: ['omission'] })).toEqual([]);
    const doctored = document.map((p, i) =>
      i === 6 ? { ...p, en: 'The farmers planted wheat in the field.' } : p,
    );
    const findings = runQa(doctored, { checks: ['omission'] });
    expect(findings.map((f) => [f.pair, f.rule])).toEqual([[6, 'omission-dropped']]);
    const span = findings[0]!.zh.spans[0]!;
    expect(doctored[6]!.zh.slice(span.start, span.end)).toBe('然后在河边休息了一会儿');
    // The message says where in the Chinese the clause stands (1-based, inclusive).
    expect(findings[0]!.message).toContain(`characters ${span.start + 1}–${span.end} of the Chinese`);
  });

  it('weighs an English with fewer comma pieces than its Chinese, for the document, as likelier short of a clause', () => {
    const intact = findClauseSuspects(document)[6]!;
    const doctored = findClauseSuspects(
      document.map((p, i) => (i === 6 ? { ...p, en: 'The farmers planted wheat in the field.' } : p)),
    )[6]!;
    expect(document[6]!.en).toContain(',');
    expect(doctored.pieces).toBeLessThan(intact.pieces);
  });

  it('links a gloss to an English word Porter stems apart (哭 cry ↔ cried, 许可 permit ↔ permission)', () => {
    const table = new TranslationTable([]);
    const linked = (zh: string, en: string) => {
      const words = contentWords({ zh, en });
      const token = tagChinese(zh).find((t) => t.word === zh)!;
      return linkTargets(token, words.en, table).map((i) => words.en[i]!.surface);
    };
    expect(linked('哭', 'She cried in public')).toEqual(['cried']);
    expect(linked('许可', 'with her permission')).toEqual(['permission']);
    expect(linked('许可', 'with her perfume')).toEqual([]);
  });

  it('leaves a speaker tag out of the sentence it weighs (韦小宝道：)', () => {
    const dialogue = [
      ...document,
      {
        zh: '韦小宝道：“我在书店买了一本小说，然后在公园里读完了。”',
        en: "'I bought a novel at the bookshop, then finished reading it in the park.'",
      },
    ];
    const suspects = findClauseSuspects(dialogue);
    const last = suspects.at(-1);
    expect(
      last === undefined || !dialogue.at(-1)!.zh.slice(last.span.start, last.span.end).includes('韦小宝'),
    ).toBe(true);
    expect(runQa(dialogue, { checks: ['omission'] })).toEqual([]);
  });
});
