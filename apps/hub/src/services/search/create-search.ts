import type { Store } from '@deskside/store';
import type { Logger } from '../../log/logger.js';
import { createDeviceIndex, type DeviceIndex } from './device-index.js';
import { deviceProvider, softwareProvider } from './device-provider.js';
import { alertProvider, ticketProvider, userProvider } from './record-providers.js';
import type { SearchProvider } from './search-provider.js';
import { createSearchService, type SearchService } from './search-service.js';

/** The global search with every built-in kind; `extra` adds kinds (knowledge-base articles); `index` is shared with the fleet list. */
export function createSearch(store: Store, logger: Logger, now: () => number, extra: readonly SearchProvider[] = [], index: DeviceIndex = createDeviceIndex(store, now)): SearchService {
  return createSearchService(
    [deviceProvider(index), ticketProvider(store.search), alertProvider(store.search), userProvider(store.search), softwareProvider(index), ...extra],
    (kind, error) => logger.warn('search provider failed', { kind, err: error instanceof Error ? error.message : String(error) }),
  );
}
