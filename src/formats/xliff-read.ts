import { BitextError } from '../core/errors.js';
import { type ImportedUnit, langOfTag, type ReadOptions } from './tmx-read.js';
import { type ByteChunks, decodeXmlBytes, parseXmlStream } from './xml-safety.js';

// Content that is not the unit's text: inline native code (XLIFF 1.2 bpt/ept/it/ph; XLIFF 2.0 keeps
// code in originalData), and other translations offered for reference (1.2 alt-trans, 2.0 matches),
// and 2.0 ignorables (white space between segments).
const SKIPPED_ELEMENTS = new Set([
  'bpt',
  'ept',
  'it',
  'ph',
  'originalData',
  'alt-trans',
  'mtc:match',
  'ignorable',
]);

/**
 * Streams the zh–en units of an XLIFF 1.2 file (`file[source-language,target-language] > body >
 * (group >)* trans-unit > source, target`) or XLIFF 2.0 file (`xliff[srcLang,trgLang] > file > unit >
 * segment > source, target`). Which side is Chinese comes from the language attributes; a file
 * with no zh or no en language is refused. Units without a target come out with that side empty.
 */
export function readXliff(
  bytes: ByteChunks,
  file: string,
  options: ReadOptions = {},
): AsyncGenerator<ImportedUnit> {
  return parseXmlStream<ImportedUnit>(decodeXmlBytes(bytes, file, options.encoding), file, (emit) => {
    let sawRoot = false;
    // The document's (2.0 xliff, 1.2 file) languages, and the unit's own where 1.2's <source> or
    // <target> has an xml:lang (it applies to that unit only).
    let fileSourceLang: string | undefined;
    let fileTargetLang: string | undefined;
    let unitSourceLang: string | undefined;
    let unitTargetLang: string | undefined;
    let sourceText = '';
    let targetText = '';
    let inside: 'source' | 'target' | undefined;
    let codeDepth = 0;
    let position = 0;
    const unitElements = new Set(['trans-unit', 'segment']);
    const finishUnit = () => {
      const sourceLang = unitSourceLang ?? fileSourceLang;
      const targetLang = unitTargetLang ?? fileTargetLang;
      const sourceSide = langOfTag(sourceLang);
      const targetSide = langOfTag(targetLang);
      if (!sourceSide || !targetSide || sourceSide === targetSide) {
        throw new BitextError(
          'XLIFF_LANGUAGES',
          `expected one zh and one en language, found source "${sourceLang ?? ''}" and target "${targetLang ?? ''}"`,
          { file },
        );
      }
      const [zh, en, zhLang, enLang] =
        sourceSide === 'zh'
          ? [sourceText, targetText, sourceLang, targetLang]
          : [targetText, sourceText, targetLang, sourceLang];
      emit({ zh, en, zhLang, enLang, position: position++ });
    };
    return {
      open(tag) {
        const attr = tag.attributes;
        if (!sawRoot) {
          sawRoot = true;
          if (tag.name !== 'xliff') {
            throw new BitextError(
              'XLIFF_NOT_XLIFF',
              `expected an <xliff> root element, found <${tag.name}>`,
              { file },
            );
          }
          fileSourceLang = attr['srcLang'];
          fileTargetLang = attr['trgLang'];
        }
        if (tag.name === 'file') {
          fileSourceLang = attr['source-language'] ?? fileSourceLang;
          fileTargetLang = attr['target-language'] ?? fileTargetLang;
        } else if (unitElements.has(tag.name)) {
          sourceText = '';
          targetText = '';
          unitSourceLang = undefined;
          unitTargetLang = undefined;
        } else if (
          (tag.name === 'source' || tag.name === 'target') &&
          inside === undefined &&
          codeDepth === 0
        ) {
          inside = tag.name;
          if (attr['xml:lang']) {
            if (tag.name === 'source') unitSourceLang = attr['xml:lang'];
            else unitTargetLang = attr['xml:lang'];
          }
        } else if (SKIPPED_ELEMENTS.has(tag.name)) {
          codeDepth++;
        } else if (tag.name === 'cp' && inside && attr['hex']) {
          // XLIFF 2.0 <cp hex="…"/>: a character XML cannot carry literally.
          const char = String.fromCodePoint(Number.parseInt(attr['hex'], 16));
          if (inside === 'source') sourceText += char;
          else targetText += char;
        }
      },
      text(text) {
        if (!inside || codeDepth > 0) return;
        if (inside === 'source') sourceText += text;
        else targetText += text;
      },
      close(tag) {
        if (tag.name === inside) inside = undefined;
        else if (SKIPPED_ELEMENTS.has(tag.name) && codeDepth > 0) codeDepth--;
        else if (unitElements.has(tag.name)) finishUnit();
      },
    };
  });
}
