import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { collectInventory, CollectorBudgetError } from '../collectors/collect-inventory.js';
import { createMetricsSampler } from '../collectors/metrics.js';
import { enroll } from '../connection/enroll.js';
import { connectToHub } from '../connection/hub-connection.js';
import { AgentStateStore } from '../identity/agent-state.js';
import { machineId } from '../identity/machine-id.js';
import { defaultStateDir } from '../identity/state-dir.js';
import { AckedInventoryStore } from '../inventory/acked-inventory.js';
import { Outbox } from '../outbox/outbox.js';
import { HealthMonitor } from '../checks/health-monitor.js';
import { HealthStateFile } from '../checks/health-state-file.js';
import { sampleVolumes } from '../checks/volume-sampler.js';
import { monotonicIds } from '@deskside/protocol';
import { KbDesk } from '../kb/kb-desk.js';
import { osRequester } from '../tickets/requester.js';
import { systemConnectivityProbes } from '../tickets/system-probes.js';
import { TicketDesk } from '../tickets/ticket-desk.js';
import { SiteAppearanceCache } from '../site/site-appearance-cache.js';
import { ensurePrivateDir } from '../util/atomic-file.js';
import { systemClock } from '../util/clock.js';
import { createJsonLogger, type Logger } from '../util/logger.js';
import { AgentRuntime, type AgentRuntimeDeps } from './agent-runtime.js';
import { createFixDesk } from '../fixes/create-fix-desk.js';
import { createCadencedCollector } from './cadenced-collector.js';

export interface CreateAgentRuntimeOptions {
  /** Defaults to {@link defaultStateDir}. */
  stateDir?: string;
  logger?: Logger;
  /** Replaces any real collaborator (tests, simulators). */
  overrides?: Partial<AgentRuntimeDeps>;
}

/** An {@link AgentRuntime} wired to the real machine: systeminformation, node-machine-id, socket.io. */
export async function createAgentRuntime(options: CreateAgentRuntimeOptions = {}): Promise<AgentRuntime> {
  const stateDir = options.stateDir ?? defaultStateDir();
  const logger = options.logger ?? createJsonLogger();
  const clock = systemClock();
  await ensurePrivateDir(stateDir);
  const outbox = await Outbox.open(join(stateDir, 'outbox'), { logger, now: () => clock.now() });
  const ackedInventory = new AckedInventoryStore(stateDir);
  const stateStore = new AgentStateStore(stateDir, logger);
  const tickets = new TicketDesk({
    stateDir,
    outbox,
    now: () => clock.now(),
    newId: monotonicIds(() => clock.now()),
    requester: () => osRequester(userInfo),
    hostname,
    probes: systemConnectivityProbes({ hubPin: async () => (await stateStore.load().catch(() => null))?.tlsFingerprint }),
    logger,
    storedInventory: async () => (await ackedInventory.load())?.document ?? null,
    // `health` is created just below; this runs only when a ticket is being written.
    openAlerts: () => Promise.resolve(health.openAlerts()),
  });
  const kb = new KbDesk({ stateDir, outbox, now: () => clock.now(), newId: monotonicIds(() => clock.now()), logger });
  const health = new HealthMonitor({
    outbox,
    newId: monotonicIds(() => clock.now()),
    now: () => clock.now(),
    logger,
    sampleVolumes: () => sampleVolumes(),
    stateFile: new HealthStateFile(stateDir),
  });
  return new AgentRuntime({
    health,
    clock,
    logger,
    stateStore,
    ackedInventory,
    outbox,
    collectInventory: createCadencedCollector(async (sections) => {
      try {
        return await collectInventory(sections ? { sections } : {});
      } catch (e) {
        // The watchdog terminated the collector; the next cycle starts a fresh worker.
        if (e instanceof CollectorBudgetError) {
          const { resource, value, threshold } = e.breach;
          await health.raiseNow({ check: 'agent-watchdog', subject: `collector ${resource}`, severity: 'warning', message: `The Deskside agent's ${e.message}; it was stopped and will run again at the next inventory.`, value, threshold });
        }
        throw e;
      }
    }, () => clock.now()),
    sampleMetrics: createMetricsSampler(),
    connect: connectToHub,
    enroll,
    machineId: () => machineId(),
    hostname,
    tickets,
    fixes: createFixDesk({ stateDir, clock, logger, outbox }),
    siteAppearance: new SiteAppearanceCache({ stateDir, logger }),
    kb,
    ...options.overrides,
  });
}
