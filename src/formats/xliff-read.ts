import { BitextError } from '../core/errors.js';
import { codeKind, FlatText } from './flat-text.js';
import type { InlineCode, UnitNote } from './inline-codes.js';
import { languagesError, storedTag, tagSides } from './lang-choice.js';
import type { ImportedUnit, ReadOptions } from './tmx-read.js';
import { codeOfElement, hiTypeOfMtype, hiTypeOfXliff2 } from './xliff-codes.js';
import { escapeXml } from './xml-escape.js';
import { type ByteChunks, decodeXmlBytes, parseXmlStream } from './xml-safety.js';

// Inline codes whose content is native code, not text (XLIFF 1.2 bpt/ept/it/ph; 2.0's ph is empty,
// its native code in originalData): each leaves a gap in the text (FlatText), a space when it stood
// for one, and is kept beside the text.
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph']);
// Empty codes: 1.2 x/bx/ex, 2.0 sc/ec (their kind is in ctype or subType).
const EMPTY_CODES = new Set(['x', 'bx', 'ex', 'sc', 'ec']);
// Paired codes that enclose their text (1.2 g, 2.0 pc): kept as a bpt at the start, an ept at the end.
const ENCLOSING_CODES = new Set(['g', 'pc']);
// Not the unit's text: other translations offered for reference (1.2 alt-trans), 2.0 ignorables
// (white space between segments) and originalData (read only for what a code stands for).
const SKIPPED_ELEMENTS = new Set(['alt-trans', 'ignorable', 'originalData']);
// Tracked changes: text a reviewer deleted is not the segment's (Trados writes it in sdlxliff as
// <mrk mtype="x-sdl-deleted">; added text, x-sdl-added, is current and kept).
const DELETED_MARKS = /^x-sdl-deleted$|^x-.*-deleted$|^delete$/;
const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:';

/** A text being read, and the codes kept at its offsets (made for a text that has codes). */
class CodedText {
  readonly text = new FlatText();
  codes?: InlineCode[];

  keep(code: InlineCode): void {
    this.codes ??= [];
    // A copy: each text (a unit's whole source and its segment) anchors the code at its own offset.
    this.codes.push(this.text.anchor({ ...code }));
  }
}

interface Side {
  whole: CodedText;
  /** XLIFF 1.2 segments (<mrk mtype="seg" mid="…">) by mid, in order. */
  segments: Map<string, CodedText>;
}

const newSide = (): Side => ({ whole: new CodedText(), segments: new Map() });

/** What an element inside a source or target was, for its end tag. */
type Inline =
  | { kind: 'segment' }
  | { kind: 'pair'; i: string; endData?: string }
  | { kind: 'hi' }
  | undefined;

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
 * - Inline codes are left out of the text without gluing words (FlatText), and kept beside it at
 *   their offsets in the model TMX's codes use (InlineCode; the mapping: xliff-codes.ts): 1.2 `x`,
 *   `ph`, `bx`/`ex`, `bpt`/`ept`, `it`, `g`, and 2.0 `ph`, `sc`/`ec`, `pc` with their native code
 *   (2.0's from `originalData`); `g`, `pc` and `mrk` keep their text, and a `mrk` is kept as a `hi`.
 * - The unit's `<note>`s (1.2 in the trans-unit, 2.0 in the unit's `<notes>`) are kept as TMX's
 *   are, a note that annotates (applies to) the source or target as that side's.
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
    let version2 = false;
    // The document's (2.0 xliff, 1.2 file) languages, and the unit's own where 1.2's <source> or
    // <target> has an xml:lang (it applies to that unit only).
    let fileSourceLang: string | undefined;
    let fileTargetLang: string | undefined;
    let unitSourceLang: string | undefined;
    let unitTargetLang: string | undefined;
    let source = newSide();
    let target = newSide();
    let inside: Side | undefined;
    let segment: CodedText | undefined;
    // The elements open inside the source or target, innermost last.
    const inline: Inline[] = [];
    let skipDepth = 0;
    let codeDepth = 0;
    let code = {
      content: '',
      markup: '',
      subDepth: 0,
      type: undefined as string | undefined,
      item: undefined as InlineCode | undefined,
    };
    let dataId: string | undefined;
    let data = new Map<string, string>();
    let inUnit = false;
    let notes: Array<{ text: string; applies?: string }> = [];
    let note: { text: string; applies?: string } | undefined;
    let position = 0;
    // Namespace prefixes bound to XLIFF itself (xmlns:xlf="urn:oasis:…"): their elements are XLIFF's.
    const xliffPrefixes = new Set<string>();
    const sideOf = tagSides(options);

    const localName = (name: string): string | undefined => {
      const colon = name.indexOf(':');
      if (colon < 0) return name;
      return xliffPrefixes.has(name.slice(0, colon)) ? name.slice(colon + 1) : undefined;
    };

    const emitPair = (sourceText: CodedText, targetText: CodedText | undefined) => {
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
      const unit: ImportedUnit = {
        zh: zh?.text.finish() ?? '',
        en: en?.text.finish() ?? '',
        zhLang: zhLang && storedTag(zhLang, 'zh'),
        enLang: enLang && storedTag(enLang, 'en'),
        position: position++,
      };
      if (zh?.codes) unit.zhCodes = zh.codes;
      if (en?.codes) unit.enCodes = en.codes;
      if (notes.length > 0) {
        const sideOfNote = (applies: string | undefined): UnitNote['side'] =>
          applies === 'source' ? sourceSide : applies === 'target' ? targetSide : undefined;
        unit.meta = {
          notes: notes.map((n) => {
            const side = sideOfNote(n.applies);
            return side ? { text: n.text, side } : { text: n.text };
          }),
          undated: true,
        };
      }
      emit(unit);
    };

    const finishUnit = () => {
      if (source.segments.size === 0 || target.segments.size === 0) {
        emitPair(source.whole, target.whole);
      } else {
        for (const [mid, text] of source.segments) emitPair(text, target.segments.get(mid));
      }
      source = newSide();
      target = newSide();
      unitSourceLang = undefined;
      unitTargetLang = undefined;
    };

    const append = (text: string) => {
      inside?.whole.text.append(text);
      segment?.text.append(text);
    };
    const gap = (kind: 'space' | 'none') => {
      inside?.whole.text.gap(kind);
      segment?.text.gap(kind);
    };
    const keep = (item: InlineCode) => {
      inside?.whole.keep(item);
      segment?.keep(item);
    };
    /** A code's native code from the unit's originalData, as markup. */
    const dataMarkup = (ref: string | undefined) => (ref === undefined ? '' : escapeXml(data.get(ref) ?? ''));
    /** The model code an XLIFF code element stands for, with its native code from originalData. */
    const codeOf = (name: string, attr: Record<string, string>): InlineCode => {
      const item = codeOfElement(name, attr, version2);
      const content = dataMarkup(attr['dataRef'] ?? attr['dataRefStart']);
      if (content) item.content = content;
      return item;
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
          version2 = (attr['version'] ?? '').startsWith('2') || attr['srcLang'] !== undefined;
          fileSourceLang = attr['srcLang'];
          fileTargetLang = attr['trgLang'];
        }
        if (skipDepth > 0 || name === undefined || SKIPPED_ELEMENTS.has(name)) {
          skipDepth++;
          if (name === 'data' || (name === 'originalData' && skipDepth === 1)) dataId = attr['id'];
          else if (name === 'cp' && dataId !== undefined && attr['hex'])
            data.set(
              dataId,
              (data.get(dataId) ?? '') + String.fromCodePoint(Number.parseInt(attr['hex'], 16)),
            );
          return;
        }
        if (codeDepth > 0) {
          codeDepth++;
          // A <sub> in a code is a text of its own: kept in the code's markup, not the segment's.
          if (name === 'sub') {
            code.subDepth++;
            const datatype = attr['datatype'];
            code.markup += datatype === undefined ? '<sub>' : `<sub datatype="${escapeXml(datatype)}">`;
          }
          return;
        }
        const deleted = name === 'mrk' && DELETED_MARKS.test(attr['mtype'] ?? '');
        if (name === 'file') {
          fileSourceLang = attr['source-language'] ?? fileSourceLang;
          fileTargetLang = attr['target-language'] ?? fileTargetLang;
        } else if (name === 'unit') {
          data = new Map();
          notes = [];
          inUnit = true;
        } else if (name === 'trans-unit') {
          source = newSide();
          target = newSide();
          notes = [];
          inUnit = true;
        } else if ((name === 'source' || name === 'seg-source' || name === 'target') && !inside) {
          // <seg-source> holds the segmented source; <source>'s text is used when there is none.
          inside =
            name === 'target'
              ? target
              : name === 'seg-source'
                ? { ...source, whole: new CodedText() }
                : source;
          const lang = attr['xml:lang'];
          if (lang) {
            if (name === 'target') unitTargetLang = lang;
            else unitSourceLang = lang;
          }
        } else if (!inside) {
          // Outside source and target nothing is text but a unit's notes.
          if (name === 'note' && inUnit) note = { text: '', applies: attr['annotates'] ?? attr['appliesTo'] };
        } else if (deleted) {
          skipDepth++;
        } else if (CODE_ELEMENTS.has(name)) {
          codeDepth = 1;
          const item = codeOf(name, attr);
          const native = data.get(attr['dataRef'] ?? '') ?? '';
          code = {
            content: native,
            markup: item.content ?? '',
            subDepth: 0,
            type: attr['ctype'] ?? attr['subType'],
            item,
          };
        } else if (EMPTY_CODES.has(name)) {
          gap(codeKind('', attr['ctype'] ?? attr['subType']));
          keep(codeOf(name, attr));
          inline.push(undefined);
        } else if (name === 'cp' && attr['hex']) {
          // XLIFF 2.0 <cp hex="…"/>: a character XML cannot carry literally.
          append(String.fromCodePoint(Number.parseInt(attr['hex'], 16)));
          inline.push(undefined);
        } else if (name === 'mrk' && attr['mtype'] === 'seg' && segment === undefined) {
          segment = new CodedText();
          inside.segments.set(attr['mid'] ?? String(inside.segments.size), segment);
          inline.push({ kind: 'segment' });
        } else if (ENCLOSING_CODES.has(name)) {
          gap(codeKind('', attr['ctype'] ?? attr['subType']));
          const item = codeOf(name, attr);
          keep(item);
          inline.push({ kind: 'pair', i: item.attrs?.['i'] ?? '', endData: attr['dataRefEnd'] });
        } else if (name === 'mrk') {
          const type = version2
            ? hiTypeOfXliff2(attr['type'], attr['translate'])
            : hiTypeOfMtype(attr['mtype']);
          keep(type === undefined ? { tag: 'hi', at: 0 } : { tag: 'hi', at: 0, attrs: { type } });
          inline.push({ kind: 'hi' });
        } else {
          inline.push(undefined);
        }
      },
      text(text) {
        if (skipDepth > 0) {
          if (dataId !== undefined) data.set(dataId, (data.get(dataId) ?? '') + text);
        } else if (codeDepth > 0) {
          code.markup += escapeXml(text);
          // <sub> is a text of its own inside a code; it is neither code nor the segment's text.
          if (code.subDepth === 0) code.content += text;
        } else if (inside) append(text);
        else if (note !== undefined) note.text += text;
      },
      close(tag) {
        const name = localName(tag.name);
        if (skipDepth > 0) {
          skipDepth--;
          if (name === 'data') dataId = undefined;
          return;
        }
        if (codeDepth > 0) {
          if (name === 'sub') {
            code.subDepth--;
            code.markup += '</sub>';
          }
          if (--codeDepth === 0) {
            gap(codeKind(code.content, code.type));
            const item = code.item!;
            if (code.markup !== '') item.content = code.markup;
            else delete item.content;
            keep(item);
          }
          return;
        }
        if (inside && inline.length > 0) {
          const element = inline.pop();
          if (element?.kind === 'segment') segment = undefined;
          else if (element?.kind === 'pair') {
            gap('none');
            const end: InlineCode = { tag: 'ept', at: 0, attrs: { i: element.i } };
            const content = dataMarkup(element.endData);
            if (content) end.content = content;
            keep(end);
          } else if (element?.kind === 'hi') keep({ tag: '/hi', at: 0 });
        } else if (name === 'source' || name === 'seg-source' || name === 'target') {
          inside = undefined;
        } else if (name === 'note' && note !== undefined) {
          notes.push(note.applies === undefined ? { text: note.text } : note);
          note = undefined;
        } else if (name === 'trans-unit') {
          finishUnit();
          inUnit = false;
        } else if (name === 'segment') {
          // XLIFF 2.0: each segment is a pair; its unit holds nothing else of the text.
          finishUnit();
        } else if (name === 'unit') {
          inUnit = false;
        }
      },
    };
  });
}
