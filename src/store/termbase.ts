import { foldToSimplified } from '../core/lexicon/script.js';
import type { TermEntry, TermKind, TermStatus } from '../core/terms/index.js';

/** The key entries are unique by on the Chinese side: Simplified, white space removed. */
export function termKey(zh: string): string {
  return foldToSimplified(zh).replace(/\s+/g, '');
}

/** An entry as both backends store it: sides trimmed, the key computed, absent fields null. */
export function termRowValues(entry: TermEntry) {
  const zh = entry.zh.trim();
  return {
    zh,
    en: entry.en.trim().replace(/\s+/g, ' '),
    zhKey: termKey(zh),
    kind: entry.kind ?? null,
    score: entry.score ?? null,
    status: entry.status,
    note: entry.note ?? null,
    source: entry.source ?? null,
  };
}

/** A stored termbase entry. */
export interface StoredTerm extends TermEntry {
  id: number;
  createdAt: string;
}

export interface TermbaseAddResult {
  /** New entries stored. */
  added: number;
  /** Entries already present (same folded zh and en) whose status, kind, score or note were updated. */
  updated: number;
}

export interface TermbaseFilter {
  status?: TermStatus;
  /** Only entries whose Chinese, folded to Simplified, contains this. */
  zh?: string;
}

/** The termbase kept next to the TM (table `terms`); async so that a PostgreSQL backend fits the same API. */
export interface TermbaseStore {
  /** Adds entries, or updates those with the same (folded zh, en) key, in one transaction. */
  add(entries: readonly TermEntry[], options?: { now?: Date }): Promise<TermbaseAddResult>;
  list(filter?: TermbaseFilter): Promise<StoredTerm[]>;
  /** Entries whose Chinese occurs in `zh` (folded to Simplified): what QA needs for one text. */
  findIn(zh: string): Promise<StoredTerm[]>;
  remove(id: number): Promise<boolean>;
  count(): Promise<number>;
  close(): Promise<void>;
}

/** A row of the `terms` table, as both backends read it. */
export interface TermRow {
  id: number;
  zh: string;
  en: string;
  kind: string | null;
  score: number | null;
  status: TermStatus;
  note: string | null;
  source: string | null;
  created_at: string | Date;
}

/** A stored entry from its row: absent fields left out. */
export function storedTerm(row: TermRow): StoredTerm {
  return {
    id: row.id,
    zh: row.zh,
    en: row.en,
    status: row.status,
    ...(row.kind ? { kind: row.kind as TermKind } : {}),
    ...(row.score !== null ? { score: row.score } : {}),
    ...(row.note ? { note: row.note } : {}),
    ...(row.source ? { source: row.source } : {}),
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
  };
}
