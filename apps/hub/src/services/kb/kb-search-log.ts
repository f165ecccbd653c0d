import { fold } from './kb-text.js';
import type { KbDeps } from './kb-deps.js';

/** Remembers a search (for "searches with no result"): folded, single-spaced, at most 200 characters. */
export async function logSearch(deps: Pick<KbDeps, 'store' | 'clock' | 'newId'>, q: string, results: number, source: 'console' | 'tray'): Promise<void> {
  const query = fold(q).replace(/\s+/g, ' ').trim().slice(0, 200);
  if (query.length < 2) return;
  await deps.store.kbActivity.logSearch({ id: deps.newId(), at: deps.clock(), query, results, source });
}
