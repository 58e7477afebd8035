import type { TermEntry, TermStatus } from '../core/terms/index.js';

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
