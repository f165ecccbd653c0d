// Public API of @deskside/agent-core: what the tray (apps/agent), the simulator and the CLI use.
// OS probes (src/probes) are not exported yet.

export { AGENT_VERSION } from './version.js';

// Runtime
export { AgentRuntime, type AgentRuntimeDeps, type AgentStartOptions } from './runtime/agent-runtime.js';
export { createAgentRuntime, type CreateAgentRuntimeOptions } from './runtime/create-runtime.js';
export { AgentConfigError } from './runtime/enrollment.js';
export type { AgentPhase, AgentStatus, AgentStatusEvent, AgentStatusListener } from './runtime/status.js';

// Identity and state
export { machineId, MACHINE_ID_ENV } from './identity/machine-id.js';
export { defaultStateDir } from './identity/state-dir.js';
export { AgentStateStore, AgentStateSchema, STATE_FILE, type AgentState } from './identity/agent-state.js';

// Collection
export { collectInventory, collectInventoryWithMode, type CollectInventoryOptions, type CollectionMode } from './collectors/collect-inventory.js';
export { collectInventoryInProcess } from './collectors/collect-in-process.js';
export { defaultCollectors } from './collectors/default-collectors.js';
export { sampleMetrics, createMetricsSampler } from './collectors/metrics.js';
export { DEFAULT_COLLECTOR_TIMEOUT_MS, type CollectOptions, type SectionCollector, type SectionCollectors } from './collectors/types.js';

// Inventory
export { inventoryHash } from './inventory/hash.js';
export { buildDelta, applyDelta, type InventoryChanges } from './inventory/delta.js';
export { AckedInventoryStore, type AckedInventory } from './inventory/acked-inventory.js';

// Health checks
export { HealthMonitor, ALERT_KINDS, type HealthMonitorDeps } from './checks/health-monitor.js';
export { HealthEvaluator, type Transition } from './checks/evaluator.js';
export { HealthStateFile } from './checks/health-state-file.js';
export { sampleVolumes } from './checks/volume-sampler.js';
export type { VolumeUsage, CheckInputs, HealthCheck, Reading } from './checks/types.js';

// Outbox
export { Outbox, DEFAULT_OUTBOX_LIMITS, type OutboxOptions } from './outbox/outbox.js';
export { OutboxFullError, type OutboxPriority, type OutboxRecord } from './outbox/outbox-record.js';

// Connection
export { enroll, EnrollError, type EnrollOptions } from './connection/enroll.js';
export {
  connectToHub,
  type ConnectionListener,
  type HubConnection,
  type HubConnectionFactory,
  type HubConnectionOptions,
  type Refusal,
} from './connection/hub-connection.js';
export { Backoff } from './connection/backoff.js';

// Tickets, diagnostics, connectivity (the tray's Get help and My tickets)
export { KbDesk, KB_OUTBOX_KINDS, type KbDeskDeps, type KbDeskHost, type KbSearchResult } from './kb/kb-desk.js';
export { KbCopy, KB_COPY_BUDGET } from './kb/kb-copy.js';
export { KbLocalIndex } from './kb/kb-local-search.js';
export { TicketDesk, type TicketDeskDeps, type TicketDeskHost } from './tickets/ticket-desk.js';
export { TicketQueue, InvalidTicketError, TICKET_OUTBOX_KINDS, type TicketDraft, type OutboxWriter } from './tickets/ticket-queue.js';
export { MyTicketsStore } from './tickets/my-tickets-store.js';
export { toMyTicket, OPEN_STATUSES, type MyTicket, type MyTicketMessage, type TicketDelivery } from './tickets/my-ticket.js';
export type { TicketChange, TicketChangeEvent, TicketChangeListener } from './tickets/ticket-sync.js';
export { buildDiagnostics, type DiagnosticsSources, type DiagnosticsAlert } from './tickets/diagnostics.js';
export { checkConnectivity, WELL_KNOWN_NAME, type ConnectivityProbes, type InterfaceMap } from './tickets/connectivity.js';
export { systemConnectivityProbes } from './tickets/system-probes.js';
export { SampleHistory, HISTORY_POINTS } from './tickets/sample-history.js';
export { SoftwareChangeLog } from './tickets/software-changes.js';
export { osRequester } from './tickets/requester.js';
export { OutboxAppender } from './outbox/outbox-appender.js';
export { SiteAppearanceCache, SITE_APPEARANCE_FILE } from './site/site-appearance-cache.js';
export { normalizeFingerprint } from './connection/tls-pin.js';
// Collaborators
export { systemClock, ManualClock, type Clock, type TimerHandle } from './util/clock.js';
export { createJsonLogger, silentLogger, type Logger, type LogLevel } from './util/logger.js';

// Machine configuration, service definitions, watchdog
export { readMachineConfig, forgetEnrollToken, MachineConfigSchema, MachineConfigError, type MachineConfig } from './config/machine-config.js';
export { SERVICE_NODE_FLAGS, SERVICE_ENV } from './service/node-flags.js';
export { defaultServiceSpec, serviceArgv, SERVICE_NAMES, type ServiceSpec } from './service/service-spec.js';
export { BudgetMeter, DEFAULT_BUDGET, type BudgetBreach, type ResourceBudget, type ResourceSample } from './watchdog/budget-meter.js';
export { startProcessWatchdog, processSample } from './watchdog/process-watchdog.js';
export { CollectorBudgetError } from './collectors/collect-inventory.js';

// Local IPC between the agent service and the users' trays
export { AgentIpcServer, type AgentIpcServerOptions } from './local-ipc/ipc-server.js';
export { AgentIpcClient, LocalCallError, type AgentIpcClientOptions } from './local-ipc/ipc-client.js';
export { fileChallenges, loginNameOf, type PeerUser, type Challenge, type ChallengeIssuer } from './local-ipc/peer-proof.js';
export { UserTickets, type SharedDesk } from './local-ipc/user-tickets.js';
export { trayRestartArgv } from './local-ipc/tray-restart.js';
export { remoteTickets } from './local-ipc/remote-tickets.js';

// Signed agent releases (auto-update)
export { decideUpdate, type UpdateDecision } from './update/update-decision.js';
export { downloadVerified, DownloadRefused } from './update/verified-download.js';
export { UpdateSlots, MAX_TRIAL_STARTS, type SlotState } from './update/update-slots.js';
export { updateOnce, type HeadlessUpdaterDeps, type UpdatePass } from './update/headless-updater.js';
export { parseAck } from './connection/ack-schemas.js';
export { execFileBuffered } from './probes/exec.js';
export { verifyRelease, signRelease, generateReleaseKey, trustedKeyOf, compareVersions, CLOCK_SKEW_MS, type TrustedReleaseKey, type ReleaseRefusal, type ReleaseVerdict } from './update/release-signature.js';

// CLI
export { main as runCli } from './cli/main.js';

// Consented fixes (the signed catalogue's agent side)
export { FixDesk, FIX_OUTBOX_KIND, fixTimeoutMs, type PendingFix, type ConsentDecision, type FixDeskDeps, type FixDeskHost } from './fixes/fix-desk.js';
export { createFixDesk, systemPlanEnv, runsElevated } from './fixes/create-fix-desk.js';
export { planFix, fixOsOf, PLANS } from './fixes/plans/plan-fix.js';
export type { FixPlan, FixStep, PlanEnv } from './fixes/plans/fix-plan.js';
export { verifyFixRequest, signedBytes, type RefusalReason, type Verdict } from './fixes/verify-request.js';
export { ReplayGuard } from './fixes/replay-guard.js';
