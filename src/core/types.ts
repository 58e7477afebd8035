/** The two languages bitext works with. */
export type Lang = 'zh' | 'en';

/** Written form of Chinese text. */
export type Script = 'simplified' | 'traditional';

/** A sentence of one side of a document, with where it came from. */
export interface Sentence {
  /** 0-based id, running over the whole side (the ids of `.align` files). */
  id: number;
  /** Cleaned text, as written to the outputs. */
  text: string;
  /** 0-based paragraph index on its side. */
  paragraph: number;
  /** Where the sentence is in its file (see SentenceSource). */
  source?: SentenceSource;
}

/**
 * Where a paragraph came from in its file, in that format's own terms (all 1-based). The aligner
 * only carries it to the output; each document reader fills in what its format has.
 */
export interface ParagraphSource {
  /** Plain text: the line. CSV: the line the record starts on. PDF: the line on its page. */
  line?: number;
  /** Web pages and Word files: the paragraph's place among the blocks read (PDF: among the paragraphs). */
  block?: number;
  /** PDF: the page. */
  page?: number;
  /** A paragraph read from a zh|en table: which table, row and column. */
  table?: number;
  row?: number;
  column?: number;
  /** A spreadsheet's sheet, by name. */
  sheet?: string;
  /** TMX and XLIFF: the unit's place among the units with text, and its id (tuid, XLIFF id) if it has one. */
  unit?: number;
  id?: string;
  /**
   * A paragraph made of several lines of its file (a PDF's): where each line starts in the text and
   * its own place, so a sentence gets the page and line it starts on.
   */
  lines?: ReadonlyArray<{ at: number } & ParagraphSource>;
}

/**
 * Where a sentence is: its paragraph's place (for a paragraph of several lines, the line the sentence
 * starts on) and its characters, `start` to `end` (0-based UTF-16 offsets, end exclusive), in the
 * paragraph's text as its reader gave it, before cleaning: for plain text that is the line as the
 * file has it, so `start + 1` is the column (in a text wrapped at a fixed width, whose paragraphs are
 * blocks of lines, `end` is counted from the same line's start, across the line breaks).
 */
export interface SentenceSource extends Omit<ParagraphSource, 'lines'> {
  start: number;
  end: number;
}

/**
 * One step of an alignment: a run of zh sentence ids matched with a run of en sentence ids.
 * Either side may be empty (a 1-0 or 0-1 bead).
 */
export interface Bead {
  zh: number[];
  en: number[];
  /** How sure the aligner is of this bead, in [0, 1]. */
  confidence: number;
}

/** An aligned pair ready for output: the texts of a bead. */
export interface SentencePair {
  zh: string;
  en: string;
  zhIds: number[];
  enIds: number[];
  confidence: number;
  /** Where each sentence of a side came from, in the order of its ids (absent when not known). */
  zhSources?: SentenceSource[];
  enSources?: SentenceSource[];
}
