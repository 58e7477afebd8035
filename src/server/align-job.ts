import type { DocumentInput } from '../app/use-case.js';
import type { Layout } from '../core/document.js';
import type { Bead, Sentence } from '../core/types.js';
import type { DocumentFormat } from '../formats/documents/index.js';

/** What an alignment request asks for: one bilingual document (text or file), or one text or file per language. */
export type AlignRequest =
  | { kind: 'combined'; text: string }
  | { kind: 'pair'; zh: string; en: string }
  | { kind: 'document'; input: DocumentInput }
  | { kind: 'documents'; zh: DocumentInput; en: DocumentInput };

/** What comes back from the worker: the sentences and beads, without the cleaning report. */
export interface AlignResult {
  zh: Sentence[];
  en: Sentence[];
  beads: Bead[];
  layout: Layout;
  format: DocumentFormat | 'text';
}

/** Sentences of both sides in order, with each one's paragraph when every sentence has one. */
export interface SentenceTexts {
  zh: string[];
  en: string[];
  zhParagraphs?: number[];
  enParagraphs?: number[];
}

/** Work on an alignment under review: re-score a bead path, or re-align between fixed beads. */
export type ReviewRequest =
  | ({ kind: 'score'; beads: Array<{ zh: number[]; en: number[] }> } & SentenceTexts)
  | ({ kind: 'realign'; fixed: Array<{ zh: number[]; en: number[] }> } & SentenceTexts);
