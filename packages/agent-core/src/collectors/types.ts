import type { InventorySectionName, InventorySections } from '@deskside/protocol';

/** Reads one inventory section. May throw or hang: the runner bounds and contains it. */
export type SectionCollector<K extends InventorySectionName> = () => Promise<NonNullable<InventorySections[K]>>;

/** One collector per inventory section. */
export type SectionCollectors = { [K in InventorySectionName]: SectionCollector<K> };

/** Options of one inventory run. */
export interface CollectOptions {
  /** Budget of each collector, in ms (default 20 s). */
  timeoutMs?: number;
  /** Replaces some collectors (tests inject failing ones). */
  collectors?: Partial<SectionCollectors>;
  /** Collect only these sections (a cadence round); all when absent. */
  sections?: readonly InventorySectionName[];
  /** Clock for `collectedAt`. */
  now?: () => number;
}

export const DEFAULT_COLLECTOR_TIMEOUT_MS = 20_000;

/** Sections whose probes may legitimately take minutes (system_profiler, package databases). */
export const SLOW_SECTIONS: Readonly<Partial<Record<keyof SectionCollectors, number>>> = {
  software: 180_000,
  // The Windows Update search alone may take two minutes (windows-update-pending).
  security: 150_000,
};
