import {
  INVENTORY_SECTIONS,
  InventoryDocumentSchema,
  InventorySectionsSchema,
  type InventoryDocument,
  type InventorySectionName,
  type ProbeReport,
} from '@deskside/protocol';
import { AGENT_VERSION } from '../version.js';
import { defaultCollectors, SLOW_SECTIONS } from './default-collectors.js';
import { fitToMessage } from './fit-message.js';
import { runCollector, unknownReport } from './run-collector.js';
import { DEFAULT_COLLECTOR_TIMEOUT_MS, type CollectOptions } from './types.js';

/**
 * Runs every collector concurrently on this thread and assembles a document that passes
 * `InventoryDocumentSchema`. Prefer {@link collectInventory}, which does this off the main thread.
 */
export async function collectInventoryInProcess(options: CollectOptions = {}): Promise<InventoryDocument> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_COLLECTOR_TIMEOUT_MS;
  const collectors = { ...defaultCollectors(now), ...options.collectors };
  const wanted = options.sections ? INVENTORY_SECTIONS.filter((s) => options.sections?.includes(s)) : INVENTORY_SECTIONS;
  const outcomes = await Promise.all(
    wanted.map(async (section) => {
      const budget = options.collectors?.[section] ? timeoutMs : Math.max(timeoutMs, SLOW_SECTIONS[section] ?? 0);
      return [section, await runCollector<unknown>(section, collectors[section], budget)] as const;
    }),
  );
  const sections: Record<string, unknown> = {};
  const probes: ProbeReport[] = [];
  for (const [section, outcome] of outcomes) {
    const checked = outcome.value === undefined ? undefined : checkSection(section, outcome.value);
    if (checked && !checked.ok) {
      // A normalisation gap must cost one section, not the whole document.
      probes.push(unknownReport(section, outcome.report.ms, `invalid output: ${checked.reason}`));
      continue;
    }
    if (checked) sections[section] = checked.value;
    probes.push(outcome.report);
  }
  return fitToMessage(InventoryDocumentSchema.parse({
    schemaVersion: 1,
    collectedAt: new Date(now()).toISOString(),
    agentVersion: AGENT_VERSION,
    probes,
    ...sections,
  }));
}

function checkSection(section: InventorySectionName, value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  const parsed = InventorySectionsSchema.shape[section].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
