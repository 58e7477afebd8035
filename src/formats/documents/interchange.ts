import { BitextError } from '../../core/errors.js';
import type { EncodingName } from '../../io/decode.js';
import type { LanguageChoice } from '../lang-choice.js';
import type { ImportedUnit } from '../tmx-read.js';
import { readTmx } from '../tmx-read.js';
import { readXliff } from '../xliff-read.js';
import type { DocumentParagraph, DocumentReader } from './document-reader.js';

// TMX and XLIFF as documents. For `qa` a unit is already a pair and is checked as it is
// (readInterchangeUnits); for `align` the file's two sides are re-aligned, so a TM whose units were
// split or joined badly can be aligned afresh (interchangeReader). The TM import readers do the
// parsing, so a file is read the same way whichever command takes it.

export type InterchangeFormat = 'tmx' | 'xliff';

/** Every unit of a TMX or XLIFF file with any text, in document order. */
export async function readInterchangeUnits(
  bytes: Uint8Array,
  file: string,
  format: InterchangeFormat,
  encoding?: EncodingName,
  languages: LanguageChoice = {},
): Promise<ImportedUnit[]> {
  const units: ImportedUnit[] = [];
  const read = format === 'tmx' ? readTmx : readXliff;
  for await (const unit of read([bytes], file, { encoding, ...languages })) {
    if (unit.zh.trim() || unit.en.trim()) units.push(unit);
  }
  if (units.length === 0) {
    throw new BitextError(
      'EMPTY_INPUT',
      `a ${format === 'tmx' ? 'TMX' : 'XLIFF'} file with no text in its units`,
      {
        file,
      },
    );
  }
  return units;
}

function interchangeReader(format: InterchangeFormat): DocumentReader {
  return {
    format,
    async read(bytes, file, options) {
      const units = await readInterchangeUnits(bytes, file, format, options.encoding, options.languages);
      // All the Chinese, then all the English: the two sides in document order, for the aligner to
      // pair afresh. Each unit's side stays one paragraph, which the aligner weighs as evidence only.
      const side = (lang: 'zh' | 'en'): DocumentParagraph[] =>
        units.flatMap((u, index) =>
          u[lang].trim()
            ? [
                {
                  text: u[lang].replace(/\s+/g, ' ').trim(),
                  lang,
                  // the TMX tuid where there is one (the XLIFF reader keeps no unit ids)
                  source: { unit: index + 1, ...(u.meta?.tuid ? { id: u.meta.tuid } : {}) },
                },
              ]
            : [],
        );
      return [...side('zh'), ...side('en')];
    },
  };
}

export const tmxReader = interchangeReader('tmx');
export const xliffReader = interchangeReader('xliff');
