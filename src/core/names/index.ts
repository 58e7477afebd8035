export { englishMentionsName, locateEnglishName, type NameSpan } from './english-name.js';
export { findChineseNames, type NameMention, TRANSLITERATION_CHARS } from './find-names.js';
export { misspelling } from './misspelling.js';
export { type StretchReading, stretchReadings } from './stretch-pinyin.js';
export { surnameOf } from './surnames.js';
