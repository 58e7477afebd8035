import { documentHash } from '../store/document-identity.js';
import type { TmAddResult, TmStore } from '../store/tm-store.js';

// Saving a reviewed alignment to the TM (`bitext serve`'s review page): confirmed pairs as approved,
// the rest as pending, so a TM user can tell checked pairs from the aligner's guesses.

export interface ReviewedPair {
  zh: string;
  en: string;
  /** The aligner's confidence; null for a pair the reviewer reshaped. */
  confidence: number | null;
  approved: boolean;
}

/** The TMX prop that carries a saved pair's review status (`approved` or `pending`). */
export const STATUS_PROP = 'x-status';

/**
 * Stores the pairs as one document named `name`, replacing earlier saves of it (a re-save after more
 * review is a new version, not a second copy). Pairs with an empty side are not stored.
 */
export function saveReviewedPairs(
  tm: TmStore,
  name: string,
  pairs: readonly ReviewedPair[],
): Promise<TmAddResult> {
  const units = pairs
    .map((pair, position) => ({ pair, position }))
    .filter(({ pair }) => pair.zh.trim() !== '' && pair.en.trim() !== '')
    .map(({ pair, position }) => ({
      zh: pair.zh,
      en: pair.en,
      position,
      ...(pair.confidence === null ? {} : { confidence: Math.round(pair.confidence * 1000) / 1000 }),
      meta: { props: [{ type: STATUS_PROP, value: pair.approved ? 'approved' : 'pending' }] },
    }));
  const contentHash = documentHash(new TextEncoder().encode(JSON.stringify(pairs)));
  return tm.addDocument({ name, contentHash, kind: 'reviewed' }, units, { replace: true });
}
