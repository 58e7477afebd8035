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
}
