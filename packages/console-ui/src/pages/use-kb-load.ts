import { useCallback, useEffect, useState } from 'react';
import { ticketErrorText } from '../format/ticket-errors.js';

export type Load<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'error'; message: string };

/** Loads `fetcher()` whenever `key` changes; `reload` fetches again. Stale answers are dropped. */
export function useKbLoad<T>(fetcher: () => Promise<T>, key: string, what: string): { state: Load<T>; reload: () => void; set: (value: T) => void } {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState((s) => (s.kind === 'loaded' ? s : { kind: 'loading' }));
    fetcher().then(
      (value) => !cancelled && setState({ kind: 'loaded', value }),
      (err: unknown) => !cancelled && setState({ kind: 'error', message: ticketErrorText(err, what) }),
    );
    return () => {
      cancelled = true;
    };
    // `fetcher` is rebuilt every render; `key` says when what it fetches changed.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setState({ kind: 'loaded', value }), []);
  return { state, reload, set };
}
