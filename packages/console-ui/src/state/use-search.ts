import type { SearchResult } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { SearchApi } from '../api/search-api.js';
import { ApiError } from '../api/api-error.js';

export type SearchState =
  | { phase: 'idle' }
  | { phase: 'loading'; q: string; previous: SearchResult[] }
  | { phase: 'done'; q: string; results: SearchResult[] }
  | { phase: 'error'; q: string; message: string };

const DEBOUNCE_MS = 120;

/** Asks the hub's search as the query settles; a newer query cancels the older answer. */
export function useSearch(api: SearchApi, query: string, retry: number): SearchState {
  const [state, setState] = useState<SearchState>({ phase: 'idle' });
  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setState({ phase: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ phase: 'loading', q, previous: s.phase === 'done' ? s.results : s.phase === 'loading' ? s.previous : [] }));
    const timer = setTimeout(() => {
      api.search(q, 30).then(
        (results) => live && setState({ phase: 'done', q, results }),
        (error: unknown) =>
          live && setState({ phase: 'error', q, message: error instanceof ApiError ? error.message : 'The search failed. Try again.' }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, retry]);
  return state;
}
