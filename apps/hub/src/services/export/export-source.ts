import type { DeviceStatus } from '@deskside/protocol';
import type { FleetPageFilter, Store } from '@deskside/store';
import { fleetPages, type PresentDevice } from '../assets/fleet-pages.js';
import type { ExportDevice } from './columns.js';
import { NO_SECTIONS, readSections, storedSections, type SectionName } from './sections.js';

export interface ExportSource {
  store: Store;
  present: PresentDevice;
  filter: FleetPageFilter;
  status: DeviceStatus | undefined;
  pageSize?: number;
}

/**
 * The export's devices, a page at a time, each with the inventory sections it needs (one query
 * per page, only when `sections` is not empty). Memory holds one page, whatever the fleet's size.
 */
export async function* exportPages(source: ExportSource, sections: ReadonlySet<SectionName>): AsyncGenerator<ExportDevice[]> {
  for await (const page of fleetPages(source.store, source.present, source.filter, source.status, source.pageSize)) {
    if (sections.size === 0) {
      yield page.map((item) => ({ summary: item.summary, sections: NO_SECTIONS }));
      continue;
    }
    const stored = await source.store.assets.inventorySections(page.map((item) => item.summary.id), storedSections(sections));
    yield page.map((item) => ({ summary: item.summary, sections: readSections(stored.get(item.summary.id), sections) }));
  }
}
