import {
  DEFAULT_INVENTORY_INTERVALS,
  INVENTORY_SECTION_GROUPS,
  INVENTORY_SECTIONS,
  groupIntervalSeconds,
  type AgentPolicy,
  type InventoryDocument,
  type InventoryGroup,
  type InventorySectionName,
} from '@deskside/protocol';

/** Collects the given sections (all when undefined). */
export type SectionsCollector = (sections?: readonly InventorySectionName[]) => Promise<InventoryDocument>;

const GROUPS: readonly InventoryGroup[] = ['volatile', 'software', 'hardware'];
// A timer that fires a little early must not skip a round: a group is due within this share of its interval.
const SLACK = 0.1;

/**
 * Inventory by cadence group instead of one big scan: each call collects only the groups that
 * are due under the hub's policy (volatile every few minutes, software and hardware hourly) and
 * merges them into the last document; a full collection runs first and then daily. Sections not
 * collected this round keep their last value and probe report, so the hash only moves when
 * something really changed.
 */
export function createCadencedCollector(collect: SectionsCollector, now: () => number): (policy?: AgentPolicy) => Promise<InventoryDocument> {
  let last: InventoryDocument | undefined;
  let lastFullAt = 0;
  const lastRun = new Map<InventoryGroup, number>();
  return async (policy) => {
    const t = now();
    const intervals = policy?.inventoryIntervals;
    const fullMs = (intervals?.fullSeconds ?? DEFAULT_INVENTORY_INTERVALS.fullSeconds) * 1000;
    if (last === undefined || t - lastFullAt >= fullMs * (1 - SLACK)) {
      last = await collect();
      lastFullAt = t;
      for (const g of GROUPS) lastRun.set(g, t);
      return last;
    }
    const due = GROUPS.filter((g) => t - (lastRun.get(g) ?? 0) >= groupIntervalSeconds(g, intervals) * 1000 * (1 - SLACK));
    if (due.length === 0) return last;
    const sections = INVENTORY_SECTIONS.filter((s) => due.includes(INVENTORY_SECTION_GROUPS[s]));
    const partial = await collect(sections);
    for (const g of due) lastRun.set(g, t);
    last = mergeSections(last, partial, sections);
    return last;
  };
}

/** `base` with `sections` replaced by what `partial` holds (a failed section is dropped, as in a full run). */
export function mergeSections(base: InventoryDocument, partial: InventoryDocument, sections: readonly InventorySectionName[]): InventoryDocument {
  const out: Record<string, unknown> = { ...base, collectedAt: partial.collectedAt, agentVersion: partial.agentVersion };
  for (const s of sections) {
    if (partial[s] === undefined) delete out[s];
    else out[s] = partial[s];
  }
  const ran = new Set<string>(sections);
  out['probes'] = [...base.probes.filter((p) => !ran.has(p.section)), ...partial.probes];
  return out as InventoryDocument;
}

/** How often the runtime should wake up for inventory: the shortest group interval, never longer than `inventorySeconds`. */
export function inventoryTickSeconds(policy: AgentPolicy): number {
  return Math.min(policy.inventorySeconds, ...GROUPS.map((g) => groupIntervalSeconds(g, policy.inventoryIntervals)));
}
