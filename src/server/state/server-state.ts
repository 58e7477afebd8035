import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BitextError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { ReviewBead } from '../review/review-model.js';

// What the server keeps besides the TM: API tokens (hashed) and the alignments under review, as JSON
// files in one directory (`--state`, default ./bitext-serve). Each file is replaced atomically
// (temp file + rename), so a killed server leaves the last whole version.

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` may do what `needed` may. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface StoredToken {
  id: string;
  role: Role;
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  hash: string;
  label?: string;
  createdAt: string;
}

export interface ReviewAlignment {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped by each change; a change made against an older version is refused (409). */
  version: number;
  /** What the document was read as (text, html, docx…), and how its languages were laid out. */
  format: string;
  layout: string;
  beads: ReviewBead[];
  /** Earlier states, newest last (undo), and undone ones, newest last (redo). */
  undo: ReviewBead[][];
  redo: ReviewBead[][];
}

/** Tokens look like `bxt_` and 43 base64url characters (32 random bytes). */
export function newTokenSecret(): string {
  return `bxt_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const ALIGNMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class ServerState {
  private readonly tokensFile: string;
  private readonly alignmentsDir: string;
  /** One change at a time per alignment (a change reads, checks the version, then writes). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string) {
    this.tokensFile = join(dir, 'tokens.json');
    this.alignmentsDir = join(dir, 'alignments');
  }

  /** The tokens as last read, and the file's mtime and size then: `bitext token` may change the file under us. */
  private tokenCache: { stamp: string; tokens: StoredToken[] } | undefined;

  tokens(): StoredToken[] {
    try {
      const { mtimeMs, size } = statSync(this.tokensFile);
      const stamp = `${mtimeMs}:${size}`;
      if (this.tokenCache?.stamp !== stamp)
        this.tokenCache = {
          stamp,
          tokens: JSON.parse(readFileSync(this.tokensFile, 'utf8')) as StoredToken[],
        };
      return this.tokenCache.tokens;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new BitextError('STATE_CORRUPT', `cannot read the token list: ${(error as Error).message}`, {
        file: this.tokensFile,
      });
    }
  }

  /** Creates a token with `role`; the secret is returned here only. */
  async createToken(role: Role, label?: string): Promise<{ token: string; stored: StoredToken }> {
    if (!ROLES.includes(role))
      throw new BitextError('USAGE', `role must be one of ${ROLES.join(', ')}, got "${role}"`);
    const token = newTokenSecret();
    const stored: StoredToken = {
      id: randomBytes(4).toString('hex'),
      role,
      hash: hashToken(token),
      ...(label ? { label } : {}),
      createdAt: new Date().toISOString(),
    };
    await this.serialised('tokens', async () => {
      await writeFileAtomic(this.tokensFile, `${JSON.stringify([...this.tokens(), stored], null, 2)}\n`);
    });
    return { token, stored };
  }

  /** Revokes a token by its id (or by the token itself); false when there is none. */
  async revokeToken(ref: string): Promise<boolean> {
    return this.serialised('tokens', async () => {
      const tokens = this.tokens();
      const kept = tokens.filter((t) => t.id !== ref && t.hash !== hashToken(ref));
      if (kept.length === tokens.length) return false;
      await writeFileAtomic(this.tokensFile, `${JSON.stringify(kept, null, 2)}\n`);
      return true;
    });
  }

  /** True while the token with this id is not revoked. */
  hasToken(id: string): boolean {
    return this.tokens().some((t) => t.id === id);
  }

  /** The stored token a secret is, if any. */
  findToken(token: string): StoredToken | undefined {
    const hash = hashToken(token);
    return this.tokens().find((t) => t.hash === hash);
  }

  async createAlignment(
    fields: Pick<ReviewAlignment, 'name' | 'format' | 'layout' | 'beads'>,
  ): Promise<ReviewAlignment> {
    const now = new Date().toISOString();
    const alignment: ReviewAlignment = {
      id: randomUUID(),
      ...fields,
      createdAt: now,
      updatedAt: now,
      version: 1,
      undo: [],
      redo: [],
    };
    await this.write(alignment);
    return alignment;
  }

  alignment(id: string): ReviewAlignment {
    if (!ALIGNMENT_ID.test(id)) throw notFound(id);
    try {
      return JSON.parse(readFileSync(this.fileOf(id), 'utf8')) as ReviewAlignment;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(id);
      throw error;
    }
  }

  /** Every alignment, newest first. */
  alignments(): ReviewAlignment[] {
    let files: string[];
    try {
      files = readdirSync(this.alignmentsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return files
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.alignment(f.slice(0, -'.json'.length)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * Changes an alignment: `change` gets the current one and returns the new one, or throws. Changes
   * to one alignment run one at a time, so a version check inside `change` is reliable.
   */
  update(
    id: string,
    change: (current: ReviewAlignment) => ReviewAlignment | Promise<ReviewAlignment>,
  ): Promise<ReviewAlignment> {
    return this.serialised(id, async () => {
      const next = await change(this.alignment(id));
      const stored = { ...next, version: next.version + 1, updatedAt: new Date().toISOString() };
      await this.write(stored);
      return stored;
    });
  }

  async deleteAlignment(id: string): Promise<void> {
    this.alignment(id);
    await this.serialised(id, async () => rmSync(this.fileOf(id), { force: true }));
  }

  private fileOf(id: string): string {
    return join(this.alignmentsDir, `${id}.json`);
  }

  private async write(alignment: ReviewAlignment): Promise<void> {
    await writeFileAtomic(this.fileOf(alignment.id), JSON.stringify(alignment));
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }
}

function notFound(id: string): BitextError {
  return new BitextError('ALIGNMENT_NOT_FOUND', `no alignment "${id}"`);
}
