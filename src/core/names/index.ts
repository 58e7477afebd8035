export { englishMentionsName, locateEnglishName, type NameSpan } from './english-name.js';
export { findChineseNames, type NameMention, TRANSLITERATION_CHARS } from './find-names.js';
export { type StretchReading, stretchReadings } from './stretch-pinyin.js';
export { surnameOf } from './surnames.js';
