import { createContext, useContext } from 'react';

/** Whether what the console shows is live, and since when it is not. */
export interface Freshness {
  /** True while the hub is unreachable: values are as of `asOf`, actions are disabled. */
  stale: boolean;
  /** When the console last heard from the hub (epoch ms); null before the first connection. */
  asOf: number | null;
}

export const FreshnessContext = createContext<Freshness>({ stale: false, asOf: null });

/** The console's freshness: pages stop clocks and disable actions while it is stale. */
export function useFreshness(): Freshness {
  return useContext(FreshnessContext);
}
