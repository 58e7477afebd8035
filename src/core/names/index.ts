export { englishMentionsName, locateEnglishName, type NameSpan } from './english-name.js';
export { findChineseNames, type NameMention } from './find-names.js';
export { surnameOf } from './surnames.js';
