import { BitextError } from '../core/errors.js';
import { codeKind, FlatText } from './flat-text.js';
import { languagesError, storedTag, tagSides } from './lang-choice.js';
import type { ImportedUnit, ReadOptions } from './tmx-read.js';
import { type ByteChunks, decodeXmlBytes, parseXmlStream } from './xml-safety.js';

// Inline codes whose content is native code, not text (XLIFF 1.2 bpt/ept/it/ph; 2.0's ph is empty):
// each leaves a gap in the text (FlatText), a space when it stood for one.
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph']);
// Empty codes: 1.2 x/bx/ex, 2.0 sc/ec (their kind is in ctype or subType).
const EMPTY_CODES = new Set(['x', 'bx', 'ex', 'sc', 'ec']);
// Not the unit's text: other translations offered for reference (1.2 alt-trans), 2.0 ignorables
// (white space between segments) and originalData (read only for what a ph stands for).
const SKIPPED_ELEMENTS = new Set(['alt-trans', 'ignorable', 'originalData']);
// Tracked changes: text a reviewer deleted is not the segment's (Trados writes it in sdlxliff as
// <mrk mtype="x-sdl-deleted">; added text, x-sdl-added, is current and kept).
const DELETED_MARKS = /^x-sdl-deleted$|^x-.*-deleted$|^delete$/;
const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:';

interface Side {
  whole: FlatText;
  /** XLIFF 1.2 segments (<mrk mtype="seg" mid="…">) by mid, in order. */
  segments: Map<string, FlatText>;
}

const newSide = (): Side => ({ whole: new FlatText(), segments: new Map() });

/**
 * Streams the zh–en units of an XLIFF 1.2 file (`file[source-language,target-language] > body >
 * (group >)* trans-unit > source, target`) or XLIFF 2.0 file (`xliff[srcLang,trgLang] > file > unit >
 * segment > source, target`); `.sdlxliff` (Trados) and `.mqxliff` (memoQ) are XLIFF 1.2. Which side is
 * Chinese comes from the language attributes (ReadOptions may say which tags); a unit whose
 * languages are not one zh and one en is refused, naming them. Units without a target come out with
 * that side empty.
 *
 * - A 1.2 trans-unit with `<seg-source>` gives one unit per `<mrk mtype="seg">`, its target the
 *   target's mrk of the same mid (the whole target when the target is not segmented).
 * - Inline codes are left out of the text without gluing words (FlatText); g, pc, mrk keep their text.
 * - Deleted tracked changes, and every element of another namespace (sdl:, mq: — memoQ's
 *   historical units among them), are not the unit's text.
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
    let source = newSide();
    let target = newSide();
    let inside: Side | undefined;
    let segment: FlatText | undefined;
    let segmentDepth = 0;
    let skipDepth = 0;
    let codeDepth = 0;
    let code = { content: '', type: undefined as string | undefined };
    let dataId: string | undefined;
    let data = new Map<string, string>();
    let position = 0;
    // Namespace prefixes bound to XLIFF itself (xmlns:xlf="urn:oasis:…"): their elements are XLIFF's.
    const xliffPrefixes = new Set<string>();
    const sideOf = tagSides(options);

    const localName = (name: string): string | undefined => {
      const colon = name.indexOf(':');
      if (colon < 0) return name;
      return xliffPrefixes.has(name.slice(0, colon)) ? name.slice(colon + 1) : undefined;
    };

    const emitPair = (sourceText: string, targetText: string) => {
      const sourceLang = unitSourceLang ?? fileSourceLang;
      const targetLang = unitTargetLang ?? fileTargetLang;
      const sourceSide = sideOf(sourceLang);
      const targetSide = sideOf(targetLang);
      if (!sourceSide || !targetSide || sourceSide === targetSide) {
        throw languagesError('XLIFF_LANGUAGES', file, [
          `${sourceLang ?? 'none'} (source)`,
          `${targetLang ?? 'none'} (target)`,
        ]);
      }
      const [zh, en, zhLang, enLang] =
        sourceSide === 'zh'
          ? [sourceText, targetText, sourceLang, targetLang]
          : [targetText, sourceText, targetLang, sourceLang];
      emit({
        zh,
        en,
        zhLang: zhLang && storedTag(zhLang, 'zh'),
        enLang: enLang && storedTag(enLang, 'en'),
        position: position++,
      });
    };

    const finishUnit = () => {
      if (source.segments.size === 0 || target.segments.size === 0) {
        emitPair(source.whole.finish(), target.whole.finish());
      } else {
        for (const [mid, text] of source.segments)
          emitPair(text.finish(), target.segments.get(mid)?.finish() ?? '');
      }
      source = newSide();
      target = newSide();
      unitSourceLang = undefined;
      unitTargetLang = undefined;
    };

    const append = (text: string) => {
      inside?.whole.append(text);
      segment?.append(text);
    };
    const gap = (kind: 'space' | 'none') => {
      inside?.whole.gap(kind);
      segment?.gap(kind);
    };

    return {
      open(tag) {
        const attr = tag.attributes;
        for (const [key, value] of Object.entries(attr)) {
          if (key.startsWith('xmlns:') && value.startsWith(XLIFF_NAMESPACE)) xliffPrefixes.add(key.slice(6));
        }
        const name = localName(tag.name);
        if (!sawRoot) {
          sawRoot = true;
          if (name !== 'xliff') {
            throw new BitextError(
              'XLIFF_NOT_XLIFF',
              `expected an <xliff> root element, found <${tag.name}>`,
              { file },
            );
          }
          fileSourceLang = attr['srcLang'];
          fileTargetLang = attr['trgLang'];
        }
        if (skipDepth > 0 || name === undefined || SKIPPED_ELEMENTS.has(name)) {
          skipDepth++;
          if (name === 'data' || (name === 'originalData' && skipDepth === 1)) dataId = attr['id'];
          return;
        }
        if (codeDepth > 0) {
          codeDepth++;
          return;
        }
        const deleted = name === 'mrk' && DELETED_MARKS.test(attr['mtype'] ?? '');
        // Elements within a segment's mrk, so that its own end tag is known (codes and deleted text
        // are counted by their own depths).
        if (segment !== undefined && !deleted && !CODE_ELEMENTS.has(name)) segmentDepth++;
        if (name === 'file') {
          fileSourceLang = attr['source-language'] ?? fileSourceLang;
          fileTargetLang = attr['target-language'] ?? fileTargetLang;
        } else if (name === 'unit') {
          data = new Map();
        } else if (name === 'trans-unit') {
          source = newSide();
          target = newSide();
        } else if ((name === 'source' || name === 'seg-source' || name === 'target') && !inside) {
          // <seg-source> holds the segmented source; <source>'s text is used when there is none.
          inside =
            name === 'target'
              ? target
              : name === 'seg-source'
                ? { ...source, whole: new FlatText() }
                : source;
          const lang = attr['xml:lang'];
          if (lang) {
            if (name === 'target') unitTargetLang = lang;
            else unitSourceLang = lang;
          }
        } else if (!inside) {
          // Outside source and target nothing is text.
        } else if (deleted) {
          skipDepth++;
        } else if (name === 'mrk' && attr['mtype'] === 'seg' && segment === undefined) {
          segment = new FlatText();
          segmentDepth = 1;
          inside.segments.set(attr['mid'] ?? String(inside.segments.size), segment);
        } else if (CODE_ELEMENTS.has(name)) {
          codeDepth = 1;
          const ref = attr['dataRef'];
          code = {
            content: ref !== undefined ? (data.get(ref) ?? '') : '',
            type: attr['ctype'] ?? attr['subType'],
          };
        } else if (EMPTY_CODES.has(name)) {
          gap(codeKind('', attr['ctype'] ?? attr['subType']));
        } else if (name === 'cp' && attr['hex']) {
          // XLIFF 2.0 <cp hex="…"/>: a character XML cannot carry literally.
          append(String.fromCodePoint(Number.parseInt(attr['hex'], 16)));
        }
      },
      text(text) {
        if (skipDepth > 0) {
          if (dataId !== undefined) data.set(dataId, (data.get(dataId) ?? '') + text);
        } else if (codeDepth > 0) {
          // <sub> is a text of its own inside a code; it is neither code nor the segment's text.
          if (codeDepth === 1) code.content += text;
        } else if (inside) append(text);
      },
      close(tag) {
        const name = localName(tag.name);
        if (skipDepth > 0) {
          skipDepth--;
          if (name === 'data') dataId = undefined;
          return;
        }
        if (codeDepth > 0) {
          if (--codeDepth === 0) gap(codeKind(code.content, code.type));
          return;
        }
        if (segment !== undefined && --segmentDepth === 0) {
          segment = undefined;
        } else if (name === 'source' || name === 'seg-source' || name === 'target') {
          inside = undefined;
        } else if (name === 'trans-unit') {
          finishUnit();
        } else if (name === 'segment') {
          // XLIFF 2.0: each segment is a pair; its unit holds nothing else of the text.
          finishUnit();
        }
      },
    };
  });
}
