import { describe, expect, it } from 'vitest';
import { englishContentStems, isEnglishStopword, stemEnglish, tokenizeEnglish } from './english.js';

describe('english', () => {
  it('tokenizes lower-cased words with spans and drops possessive s', () => {
    const text = "Wang's friends didn't go.";
    const tokens = tokenizeEnglish(text);
    expect(tokens.map((t) => t.word)).toEqual(['wang', 'friends', "didn't", 'go']);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('friends');
    // Curly apostrophes read as straight ones, a possessive dropped after either, only at the end.
    expect(tokenizeEnglish('Wang’s friend’s O’Brien’s isn’t Ma’s’s').map((t) => t.word)).toEqual([
      'wang',
      'friend',
      "o'brien",
      "isn't",
      "ma's",
    ]);
  });

  it('stems and drops stopwords and numbers', () => {
    expect(stemEnglish('studies')).toBe(stemEnglish('studying'));
    expect(isEnglishStopword('The')).toBe(true);
    expect(englishContentStems('The teachers were studying 3 structures')).toEqual([
      stemEnglish('teachers'),
      stemEnglish('studying'),
      stemEnglish('structures'),
    ]);
  });
});
