import { countedKeys, StoredUnitTerms } from '../index-terms/term-counts.js';
import { termOfFtsKey } from '../index-terms/term-index.js';
import { type DocumentRow, toDocument } from '../tm-queries.js';
import type { TmDocument } from '../tm-store.js';
import type { SqliteDatabase } from './database.js';

const DOCUMENT_SELECT = `SELECT d.id, d.name, d.kind, d.content_hash, d.added_at,
  (SELECT count(*) FROM tm_units u WHERE u.document_id = d.id) AS units FROM tm_documents d`;

/** The documents table's queries: listing, finding by a user's reference, deleting with their units. */
export class SqliteDocuments {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      all: db.prepare<[], DocumentRow>(`${DOCUMENT_SELECT} ORDER BY d.id`),
      byId: db.prepare<[number], DocumentRow>(`${DOCUMENT_SELECT} WHERE d.id = ?`),
      byName: db.prepare<[string], DocumentRow>(`${DOCUMENT_SELECT} WHERE d.name = ? ORDER BY d.id`),
      // The last path segment: a user may name `press-release.txt` for `examples/press-release.txt`.
      byBaseName: db.prepare<[string, string, string], DocumentRow>(
        `${DOCUMENT_SELECT} WHERE d.name = ? OR d.name LIKE '%/' || ? ESCAPE '\\' OR d.name LIKE '%\\' || ? ESCAPE '\\' ORDER BY d.id`,
      ),
      versions: db.prepare<[string], { id: number }>(
        'SELECT id FROM tm_documents WHERE name = ? AND content_hash IS NOT NULL ORDER BY id',
      ),
      otherVersions: db.prepare<[string, string], { id: number }>(
        'SELECT id FROM tm_documents WHERE name = ? AND content_hash IS NOT NULL AND content_hash <> ?',
      ),
      unitsOf: db.prepare<[number], { id: number; zh: string; en: string }>(
        'SELECT id, zh, en FROM tm_units WHERE document_id = ?',
      ),
      deleteTerms: db.prepare("INSERT INTO tm_terms (tm_terms, rowid, terms) VALUES ('delete', ?, ?)"),
      subtractTermUnits: db.prepare('UPDATE tm_term_units SET units = units - 1 WHERE lang = ? AND term = ?'),
      deleteUnits: db.prepare('DELETE FROM tm_units WHERE document_id = ?'),
      deleteDocument: db.prepare('DELETE FROM tm_documents WHERE id = ?'),
    };
  }

  all(): TmDocument[] {
    return this.statements.all.all().map(toDocument);
  }

  find(ref: string): TmDocument[] {
    if (/^\d+$/.test(ref)) {
      const row = this.statements.byId.get(Number(ref));
      if (row) return [toDocument(row)];
    }
    const exact = this.statements.byName.all(ref);
    if (exact.length > 0) return exact.map(toDocument);
    const escaped = ref.replace(/[\\%_]/g, '\\$&');
    return this.statements.byBaseName.all(ref, escaped, escaped).map(toDocument);
  }

  /** Ids of the stored versions of `name` (documents with content, not only referenced). */
  versions(name: string): number[] {
    return this.statements.versions.all(name).map((r) => r.id);
  }

  /** Ids of the stored versions of `name` whose content differs from `contentHash`. */
  otherVersions(name: string, contentHash: string): number[] {
    return this.statements.otherVersions.all(name, contentHash).map((r) => r.id);
  }

  /**
   * Deletes a document, its units, their rows of the contentless term index (FTS5 needs each row's
   * terms back to delete it: rebuilt from the text, as rebuild-terms does) and their document
   * frequencies. Runs inside the caller's transaction; returns the units deleted, or null.
   */
  delete(id: number): number | null {
    if (!this.statements.byId.get(id)) return null;
    const storedTerms = new StoredUnitTerms();
    let deleted = 0;
    for (const { id: unitId, zh, en } of this.statements.unitsOf.all(id)) {
      const terms = storedTerms.of(zh, en);
      this.statements.deleteTerms.run(unitId, terms);
      for (const key of countedKeys(terms)) {
        const { lang, term } = termOfFtsKey(key);
        this.statements.subtractTermUnits.run(lang, term);
      }
      deleted++;
    }
    this.statements.deleteUnits.run(id);
    this.statements.deleteDocument.run(id);
    return deleted;
  }
}
