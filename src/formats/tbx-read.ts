import type { SaxesTagPlain } from 'saxes';
import { BitextError } from '../core/errors.js';
import type { TermEntry, TermKind, TermStatus } from '../core/terms/index.js';
import type { EncodingName } from '../io/decode.js';
import { type LanguageChoice, LanguagesSeen, tagSides } from './lang-choice.js';
import { decodeXmlBytes, parseXmlStream } from './xml-safety.js';

interface TermInProgress {
  text: string;
  status?: TermStatus;
}

const KINDS: readonly string[] = ['person', 'place', 'organization', 'title', 'term'];

/**
 * Reads a termbase from TBX: v3 (`conceptEntry > langSec[xml:lang] > termSec > term`) and v2
 * (`martif … termEntry > langSet[xml:lang] > tig|ntig > term`). Each concept gives one entry per
 * English term, paired with the concept's first Chinese term; the status comes from the English
 * term's administrativeStatus note (deprecated and superseded read as forbidden, default preferred).
 * Which langSec/langSet is zh and which en: their xml:lang, as `options` may choose (LanguageChoice);
 * a file with no zh or no en language section is refused, naming the languages it has.
 * A DOCTYPE may name its DTD but not declare anything (see xml-safety.ts). Given bytes, the XML
 * declaration's encoding is honoured (a windows-1254 TBX is not guessed as Chinese), unless the
 * user gave one.
 */
export async function parseTbx(
  xml: string | Uint8Array,
  file: string,
  options: LanguageChoice & { encoding?: EncodingName } = {},
): Promise<TermEntry[]> {
  const seen = new LanguagesSeen();
  const sideOf = tagSides(options);
  const entries: TermEntry[] = [];
  let root: string | undefined;
  let zhTerms: TermInProgress[] = [];
  let enTerms: TermInProgress[] = [];
  let kind: TermKind | undefined;
  let note: string | undefined;
  let lang: 'zh' | 'en' | undefined;
  let current: TermInProgress | undefined;
  let inTerm = false;
  let textTarget: 'term' | 'status' | 'subject' | 'note' | undefined;
  let buffer = '';

  const setup = (emit: (entry: TermEntry) => void) => ({
    open(tag: SaxesTagPlain) {
      const name = localName(tag.name);
      root ??= name;
      if (name === 'conceptEntry' || name === 'termEntry') {
        zhTerms = [];
        enTerms = [];
        kind = undefined;
        note = undefined;
      } else if (name === 'langSec' || name === 'langSet') {
        const tagged = tag.attributes['xml:lang'] ?? tag.attributes.lang;
        lang = sideOf(tagged);
        seen.add(tagged, lang);
      } else if (name === 'termSec' || name === 'tig' || name === 'ntig') {
        current = { text: '' };
        if (lang === 'zh') zhTerms.push(current);
        else if (lang === 'en') enTerms.push(current);
      } else if (name === 'term') {
        inTerm = true;
        textTarget = 'term';
        buffer = '';
      } else if (name === 'termNote' && tag.attributes.type === 'administrativeStatus') {
        textTarget = 'status';
        buffer = '';
      } else if (name === 'descrip' && tag.attributes.type === 'subjectField' && !lang) {
        textTarget = 'subject';
        buffer = '';
      } else if (name === 'note' && !lang) {
        textTarget = 'note';
        buffer = '';
      }
    },
    close(tag: SaxesTagPlain) {
      const name = localName(tag.name);
      if (name === 'term' && inTerm) {
        if (current) current.text = buffer.trim();
        inTerm = false;
        textTarget = undefined;
      } else if (textTarget === 'status' && name === 'termNote') {
        if (current) current.status = statusOf(buffer.trim());
        textTarget = undefined;
      } else if (textTarget === 'subject' && name === 'descrip') {
        const value = buffer.trim();
        if (KINDS.includes(value)) kind = value as TermKind;
        textTarget = undefined;
      } else if (textTarget === 'note' && name === 'note') {
        note = buffer.trim() || undefined;
        textTarget = undefined;
      } else if (name === 'termSec' || name === 'tig' || name === 'ntig') {
        current = undefined;
      } else if (name === 'langSec' || name === 'langSet') {
        lang = undefined;
      } else if (name === 'conceptEntry' || name === 'termEntry') {
        const zh = zhTerms.find((t) => t.text);
        if (!zh) return;
        for (const en of enTerms.filter((t) => t.text)) {
          emit({
            zh: zh.text,
            en: en.text,
            status: en.status ?? zh.status ?? 'preferred',
            ...(kind ? { kind } : {}),
            ...(note ? { note } : {}),
          });
        }
      }
    },
    text(text: string) {
      if (textTarget) buffer += text;
    },
  });

  // A string passes through decodeXmlBytes as it is; bytes are decoded by the XML rule.
  const text = decodeXmlBytes([xml], file, options.encoding);
  for await (const entry of parseXmlStream<TermEntry>(text, file, setup)) entries.push(entry);
  if (root !== 'tbx' && root !== 'martif') {
    throw new BitextError(
      'TBX_MALFORMED',
      `not a TBX file: the root element is <${root ?? 'none'}>, expected <tbx> or <martif>`,
      {
        file,
      },
    );
  }
  // A termbase of other languages reads as empty: refuse it as TMX and XLIFF are refused.
  if (entries.length === 0 && seen.lacksASide) throw seen.error('TBX_LANGUAGES', file);
  return entries;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

function statusOf(value: string): TermStatus {
  if (/^(?:deprecated|superseded)/i.test(value)) return 'forbidden';
  if (/^admitted/i.test(value)) return 'admitted';
  return 'preferred';
}
