import type { Store } from '@deskside/store';

/** What `/healthz` asks of the database: which engine, and whether it answers now. */
export interface DatabaseProbe {
  readonly dialect: Store['dialect'];
  ping(): Promise<void>;
}

export function databaseProbe(store: Pick<Store, 'dialect' | 'ping'>): DatabaseProbe {
  return { dialect: store.dialect, ping: () => store.ping() };
}
