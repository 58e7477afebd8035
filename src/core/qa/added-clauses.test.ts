import { describe, expect, it } from 'vitest';
import { ADDED_CLAUSE, LINKED_DOCUMENT, WITH_ADDED_CLAUSE } from '../../../test/support/linked-document.js';
import { findAddedClauses } from './added-clauses.js';
import { runQa } from './index.js';

const document = LINKED_DOCUMENT;

const added = (pairs: typeof document) =>
  runQa(pairs, { checks: ['omission'] }).filter((f) => f.rule === 'omission-added');

describe('added clauses', () => {
  it('finds an English clause the Chinese does not have, as the span with its place in the English', () => {
    const doctored = WITH_ADDED_CLAUSE;
    const clause = ADDED_CLAUSE;
    const findings = added(doctored);
    expect(findings.map((f) => [f.pair, f.check, f.severity])).toEqual([[6, 'omission', 'warning']]);
    const span = findings[0]!.en.spans[0]!;
    expect(doctored[6]!.en.slice(span.start, span.end)).toBe(clause);
    expect(findings[0]!.zh.spans).toEqual([]);
    // The message quotes the clause and says where in the English it stands (1-based, inclusive).
    expect(findings[0]!.message).toContain(
      `"${clause}" (characters ${span.start + 1}–${span.end} of the English`,
    );
  });

  it('leaves explicitation alone: subjects, connectives and a speaker the English spells out', () => {
    const explicit = document.map((p, i) =>
      i === 4
        ? {
            ...p,
            en: 'The teacher told the children a story at school, and after that the students went home.',
          }
        : i === 5
          ? { ...p, en: 'The doctor saw the patients at the hospital, and then he wrote a report, he said.' }
          : p,
    );
    expect(added(document)).toEqual([]);
    expect(added(explicit)).toEqual([]);
  });

  it('scores every pair with a candidate clause, none in a short sentence', () => {
    const clauses = findAddedClauses([...document, { zh: '他走了。', en: 'He left, and fast.' }]);
    expect(clauses.slice(0, 8).every((c) => c !== undefined)).toBe(true);
    expect(clauses[8]).toBeUndefined();
  });
});
