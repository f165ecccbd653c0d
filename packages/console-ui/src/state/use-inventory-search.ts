import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';

/** What the hub's inventory search found for the current query. */
export interface InventorySearch {
  /** Ids of devices the hub matched (user, model, serial, software…); null: no search in force. */
  ids: ReadonlySet<string> | null;
  searching: boolean;
  failed: boolean;
}

const IDLE: InventorySearch = { ids: null, searching: false, failed: false };
/** Shorter queries are answered by the browser alone: two letters match half the software in a fleet. */
export const MIN_SERVER_QUERY = 3;
const DEBOUNCE_MS = 400;

/**
 * `GET /api/v1/devices?q=` for what the live fleet rows do not carry (the user, model, serial and
 * installed software are in the inventories on the hub). Debounced; a newer query cancels an older one.
 */
export function useInventorySearch(api: HttpClient | undefined, query: string): InventorySearch {
  const [result, setResult] = useState<InventorySearch>(IDLE);
  const q = query.trim();

  useEffect(() => {
    if (api === undefined || q.length < MIN_SERVER_QUERY) {
      setResult(IDLE);
      return;
    }
    let cancelled = false;
    setResult((previous) => ({ ...previous, searching: true }));
    const timer = setTimeout(() => {
      api.listDevices({ q }).then(
        (devices) => {
          if (!cancelled) setResult({ ids: new Set(devices.map((d) => d.id)), searching: false, failed: false });
        },
        () => {
          if (!cancelled) setResult({ ids: null, searching: false, failed: true });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, q]);

  return result;
}
