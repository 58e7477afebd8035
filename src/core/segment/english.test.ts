import { describe, expect, it } from 'vitest';
import { splitSentences } from './index.js';

// Each case: the paragraph as its sentences; the paragraph is their concatenation.
const cases: Array<[string, string[]]> = [
  ['plain', ['It rained. ', 'We stayed in.']],
  ['question and exclamation', ['Did it rain? ', 'Yes! ', 'All day.']],
  ['?! together', ['You did what?! ', 'Unbelievable.']],
  ['Mr. and Mrs.', ['Mr. and Mrs. Smith arrived. ', 'They sat down.']],
  ['Dr. and Prof.', ['Dr. Watson met Prof. Moriarty. ', 'Nobody spoke.']],
  ['St. before a name', ['He lives near St. Paul. ', 'It is cold there.']],
  ['St. ending a sentence', ['The shop is on Main St. ', 'The rent is low.']],
  ['U.S. inside a sentence', ['The U.S. Postal Service lost it. ', 'Again.']],
  ['U.S. ending a sentence', ['He moved to the U.S. ', 'The move was hard.']],
  ['U.K. and lower case', ['The U.K. government said no. ', 'Talks ended.']],
  ['No. before a number', ['See rule No. 5 first. ', 'Then rule No. 6.']],
  ['Nos. before numbers', ['Items Nos. 3 and 4 are gone.']],
  ['p.m. before a weekday', ['The talks end at 5 p.m. Monday in Geneva.']],
  ['p.m. before a sentence', ['He left at 5 p.m. ', 'He was tired.']],
  ['a.m. mid-sentence', ['At 9 a.m. the doors open. ', 'Come early.']],
  ['months', ['It opened on Jan. 23 and closed in Dec. 1999. ', 'Nobody came.']],
  ['e.g. and i.e.', ['Some fruit, e.g. apples, is sweet, i.e. sugary. ', 'Eat it.']],
  ['etc. mid-sentence', ['Pens, paper, etc. are provided. ', 'Bring nothing.']],
  ['etc. ending a sentence', ['Pens, paper, etc. ', 'The list goes on.']],
  ['vs.', ['It was Ali vs. Frazier. ', 'Ali won.']],
  ['Inc. and Ltd. before names', ['Acme Inc. President Lee met Foo Ltd. Chairman Wu.']],
  ['Inc. ending a sentence', ['He works for Acme Inc. ', 'It pays well.']],
  ['Co. and Jr.', ['Ford Motor Co. hired Sam Jr. ', 'He starts Monday.']],
  ['Gen., Gov., Sen., Rep.', ['Gen. Lee, Gov. Brown, Sen. Ng and Rep. Diaz met. ', 'Then they ate.']],
  ['decimals', ['Prices rose 3.14 percent. ', 'Wages rose 2.5 percent.']],
  ['initials', ['J. K. Rowling met George W. Bush. ', 'They talked.']],
  ['dotted initials', ['D.E. Shaw invested. ', 'It paid off.']],
  ['ellipsis before a new sentence', ['He waited... ', 'Nothing happened.']],
  ['ellipsis before lower case', ['He waited … and waited.']],
  ['a stammer', ['I... I know you.']],
  ['spaced ellipsis', ["It's just that . . . ", 'Nothing.']],
  ['quote after the period', ['He said "Go." ', 'Then he left.']],
  ['quote with a lower-case tag', ['"Help!" she cried. ', 'Nobody came.']],
  ['single quotes', ["'Come here.' ", "'Why?' ", 'He shrugged.']],
  ['bracket after the period', ['(See the notes.) ', 'The rest follows.']],
  ['a closing quote set off by a space', ['He was right. " ', 'Then he left.']],
  ['lower case after a period', ['The temp. was high.']],
  ['numbered list', ['1. Open the box. ', '2. Take the book.']],
  ['URL and email', ['Visit www.example.com/a.html today. ', 'Write to a.b@example.org now.']],
  ['URL ending a sentence', ['See example.com. ', 'It has more.']],
  ['interrupted speech', ["'But I—' ", "'You what?' snapped Lee."]],
  ['dashed aside after !', ['The firm - gasp! - let go of staff.']],
  ['digit after a period', ['It cost 40 dollars. ', '20 people paid.']],
  ['no space after the period', ['Go to page 3.Then stop.']],
  ['Chinese stop inside English text', ['He wrote 好。', 'Then left.']],
];

describe('splitSentences (English)', () => {
  it.each(cases)('%s', (_name, sentences) => {
    expect(splitSentences(sentences.join(''), 'en')).toEqual(sentences);
  });

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});
