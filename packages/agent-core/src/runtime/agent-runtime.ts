import { monotonicIds, PROTOCOL_VERSION, type AgentPolicy, type EnrollResponse, type InventoryDocument, type MetricsSample } from '@deskside/protocol';
import type { EnrollOptions } from '../connection/enroll.js';
import type { ConnectionListener, HubConnection, HubConnectionFactory } from '../connection/hub-connection.js';
import type { AgentState, AgentStateStore } from '../identity/agent-state.js';
import type { AckedInventoryStore } from '../inventory/acked-inventory.js';
import type { Outbox } from '../outbox/outbox.js';
import type { HealthMonitor } from '../checks/health-monitor.js';
import type { KbDesk } from '../kb/kb-desk.js';
import type { TicketDesk } from '../tickets/ticket-desk.js';
import type { FixDesk } from '../fixes/fix-desk.js';
import type { SiteAppearanceCache } from '../site/site-appearance-cache.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/with-timeout.js';
import { AGENT_VERSION } from '../version.js';
import { loadOrEnroll } from './enrollment.js';
import { syncInventory } from './inventory-sync.js';
import { inventoryTickSeconds } from './cadenced-collector.js';
import { OUTBOX_KINDS, OutboxDrainer } from './outbox-drain.js';
import { CycleTimers } from './cycle-timers.js';
import type { AgentStatus, AgentStatusListener } from './status.js';
import { StatusPublisher } from './status-publisher.js';

/** Everything the runtime works with, passed in so tests can use a fake clock and a real local hub. */
export interface AgentRuntimeDeps {
  clock: Clock;
  logger: Logger;
  stateStore: AgentStateStore;
  ackedInventory: AckedInventoryStore;
  outbox: Outbox;
  /** Collects the inventory; the policy carries the per-section cadence (see createCadencedCollector). */
  collectInventory: (policy?: AgentPolicy) => Promise<InventoryDocument>;
  sampleMetrics: () => Promise<MetricsSample>;
  connect: HubConnectionFactory;
  enroll: (options: EnrollOptions) => Promise<EnrollResponse>;
  machineId: () => Promise<string>;
  hostname: () => string;
  newId?: () => string;
  /** Ack timeout of each send (default 15 s). */
  sendTimeoutMs?: number;
  /** Budget of the goodbye notices on stop and suspend (default 2 s). */
  noticeTimeoutMs?: number;
  /** The employee's tickets, diagnostics and connectivity check (absent: no ticket features). */
  tickets?: TicketDesk;
  /** Help articles for the tray: live search, the offline copy, deflections (absent: none). */
  kb?: KbDesk;
  /** Health checks, evaluated on every heartbeat sample and fed each inventory (absent: none). */
  health?: HealthMonitor;
  /** Consented fixes from the signed catalogue (absent: every `action:request` is ignored). */
  fixes?: FixDesk;
  /** The site's branding and default tray language, refreshed from the hub (absent: none). */
  siteAppearance?: SiteAppearanceCache;
}

export interface AgentStartOptions {
  hubUrl?: string;
  /** Only needed the first time; never stored, never logged. */
  enrollToken?: string;
  /** First contact with an https hub: its certificate's SHA-256, checked before the token is sent. */
  hubFingerprint?: string;
}

/**
 * The agent's life: enrol (once), connect, send heartbeats through the durable outbox, keep the
 * hub's inventory current, follow the hub's cadence policy, and say goodbye on the way out.
 * It never executes anything the hub sends; the hub can change cadence, ask for inventory and ask
 * for a fix from the agent's own closed catalogue, signed with the key pinned at enrolment.
 */
export class AgentRuntime {
  private readonly statusOut: StatusPublisher;
  private readonly timers: CycleTimers;
  private state: AgentState | null = null;
  private connection: HubConnection | null = null;
  private inventoryRunning: Promise<void> | null = null;
  /** Asked for again while a round ran: one more round follows it. */
  private inventoryAgain = false;
  private readonly drainer: OutboxDrainer;
  private readonly ids: () => string;
  private stopped = false;
  private suspended = false;
  private resumePending = false;

  constructor(private readonly deps: AgentRuntimeDeps) {
    this.statusOut = new StatusPublisher(deps.logger, () => deps.outbox.size());
    this.timers = new CycleTimers(deps.clock);
    // Monotonic, so message ids born here sort in the order they were made, even within one ms.
    this.ids = deps.newId ?? monotonicIds(() => deps.clock.now());
    this.drainer = new OutboxDrainer(
      deps.outbox,
      deps.logger,
      this.sendTimeout,
      (record, ackData) => {
        if (record.kind === OUTBOX_KINDS.heartbeat) this.statusOut.update({ lastHeartbeatAt: new Date(deps.clock.now()).toISOString() });
        void deps.tickets?.delivered(record, ackData);
      },
      (record, why) => void deps.tickets?.dropped(record, why),
    );
    deps.tickets?.attach({ drain: () => this.drain(), hubUrl: () => this.state?.hubUrl ?? null });
    deps.fixes?.attach({
      drain: () => void this.drain().catch((e: unknown) => this.statusOut.error('outbox_failed', errorMessage(e))),
      identity: () => (this.state ? { deviceId: this.state.deviceId, pinnedKey: this.state.actionKey ?? null } : null),
    });
    deps.kb?.attach({ drain: () => this.drain(), connection: () => this.connection, sendTimeoutMs: this.sendTimeout });
  }

  /** Help articles ("Get help" suggestions, the Help articles window), when this runtime was given them. */
  get kb(): KbDesk | null {
    return this.deps.kb ?? null;
  }

  /** The employee's tickets ("Get help", "My tickets"), when this runtime was given a desk. */
  get tickets(): TicketDesk | null {
    return this.deps.tickets ?? null;
  }

  /** Consented fixes (the tray asks the employee through it), when this runtime was given them. */
  get fixes(): FixDesk | null {
    return this.deps.fixes ?? null;
  }

  /** The health checks, when this runtime was given them (the watchdog raises its alert there). */
  get health(): HealthMonitor | null { return this.deps.health ?? null; }

  /** The site's branding and default tray language, when this runtime was given the cache. */
  get siteAppearance(): SiteAppearanceCache | null {
    return this.deps.siteAppearance ?? null;
  }

  /** Subscribes to status changes; returns the unsubscribe function. */
  onStatus(listener: AgentStatusListener): () => void {
    return this.statusOut.subscribe(listener);
  }

  status(): AgentStatus {
    return this.statusOut.snapshot();
  }

  /** Loads the credential (or enrols), connects and starts the heartbeat and inventory cycles. */
  async start(options: AgentStartOptions = {}): Promise<void> {
    this.stopped = false;
    this.statusOut.update({ phase: 'enrolling', hubUrl: options.hubUrl ?? null });
    const { state, enrolled } = await loadOrEnroll({ ...this.deps, now: () => this.deps.clock.now() }, options.hubUrl, options.enrollToken, options.hubFingerprint);
    this.state = state;
    // stop() may have been called (SIGTERM) while enrolment was under way.
    if (this.stopped) return;
    this.statusOut.update({ phase: 'connecting', hubUrl: state.hubUrl, deviceId: state.deviceId });
    if (enrolled) this.statusOut.emit({ type: 'enrolled', deviceId: state.deviceId, siteId: state.siteId });
    this.deps.logger.info('agent starting', { hub: state.hubUrl, deviceId: state.deviceId, enrolled });
    this.connection = this.deps.connect({
      hubUrl: state.hubUrl,
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: state.deviceId, deviceKey: state.deviceKey, agentVersion: AGENT_VERSION },
      listener: this.listener(),
      clock: this.deps.clock,
      logger: this.deps.logger,
      ...(state.tlsFingerprint ? { tlsFingerprint: state.tlsFingerprint } : {}),
    });
    this.connection.connect();
    void this.heartbeatTick();
    this.scheduleInventory();
  }

  /** Says "shutting down" to the hub (best effort, short) and disconnects. */
  async stop(reason = 'stopped'): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clearAll();
    await this.notice('shutting-down');
    this.connection?.close();
    this.connection = null;
    this.statusOut.update({ phase: 'stopped' });
    this.statusOut.emit({ type: 'stopped', reason });
    this.deps.logger.info('agent stopped', { reason });
  }

  /** The OS is about to sleep: tell the hub so the PC shows "asleep", not "unreachable". */
  async notifySuspend(): Promise<void> {
    this.suspended = true;
    this.timers.clearAll();
    await this.notice('suspending');
  }

  /** Back from sleep: reconnect at once (the old transport is likely dead), announce, resume cycles. */
  notifyResume(): void {
    if (this.stopped || !this.connection) return;
    this.suspended = false;
    this.resumePending = true;
    this.connection.reconnectNow();
    void this.heartbeatTick();
    this.scheduleInventory();
  }

  /** Runs one inventory round now (no-op while offline). */
  async refreshInventory(): Promise<void> {
    const connection = this.connection;
    if (!connection?.connected) return;
    if (this.inventoryRunning) {
      // The running round may have read the PC before whatever made the hub ask: one more after it.
      this.inventoryAgain = true;
      return this.inventoryRunning;
    }
    this.inventoryRunning = this.inventoryRound(connection).finally(() => {
      this.inventoryRunning = null;
      if (this.inventoryAgain) {
        this.inventoryAgain = false;
        void this.refreshInventory();
      }
    });
    return this.inventoryRunning;
  }

  private async inventoryRound(connection: HubConnection): Promise<void> {
    try {
      const document = await this.deps.collectInventory(this.policy);
      this.deps.health?.setInventory(document);
      void this.deps.tickets?.noteInventory(document);
      const result = await syncInventory(document, connection, this.deps.ackedInventory, this.sendTimeout, this.ids);
      if (result.outcome === 'failed') {
        this.deps.logger.warn('inventory not delivered', { code: result.code, message: result.message });
        return;
      }
      this.statusOut.update({ lastInventoryAt: new Date(this.deps.clock.now()).toISOString() });
      this.deps.logger.info('inventory synchronised', { outcome: result.outcome, hash: result.hash });
    } catch (e) {
      this.statusOut.error('inventory_failed', `inventory collection failed: ${errorMessage(e)}`);
    }
  }

  private async heartbeatTick(): Promise<void> {
    if (this.stopped || this.suspended) return;
    this.timers.arm('heartbeat', this.policy.heartbeatSeconds * 1000, () => void this.heartbeatTick());
    try {
      const metrics = await this.deps.sampleMetrics();
      void this.deps.tickets?.recordSample(metrics);
      const sentAt = new Date(this.deps.clock.now()).toISOString();
      await this.deps.outbox.enqueue(OUTBOX_KINDS.heartbeat, { id: this.ids(), sentAt, metrics }, 'low');
      await this.checkHealth(metrics);
      await this.drain();
    } catch (e) {
      this.statusOut.error('heartbeat_failed', `heartbeat failed: ${errorMessage(e)}`);
    }
  }

  private scheduleInventory(): void {
    if (this.stopped || this.suspended) return;
    this.timers.arm('inventory', inventoryTickSeconds(this.policy) * 1000, () => {
      this.scheduleInventory();
      void this.refreshInventory();
    });
  }

  private async drain(): Promise<void> {
    if (!this.connection?.connected) return;
    // `deskside-agent ticket` may have dropped items into the outbox directory meanwhile.
    await this.deps.outbox.rescan();
    await this.drainer.drain(this.connection);
  }

  private listener(): ConnectionListener {
    return {
      connected: () => {
        this.statusOut.update({ phase: 'connected', error: null });
        this.statusOut.emit({ type: 'connected' });
        void this.afterConnect();
      },
      disconnected: (reason) => {
        if (this.stopped || this.statusOut.phase === 'offline') return;
        this.statusOut.update({ phase: 'offline' });
        this.statusOut.emit({ type: 'offline', reason });
      },
      refused: (refusal) => {
        this.timers.clearAll();
        this.statusOut.update({ phase: 'error', error: { ...refusal, fatal: true } });
        this.statusOut.emit({ type: 'error', code: refusal.code, message: refusal.message, fatal: true });
        this.deps.logger.error('hub refused this agent; not retrying', { code: refusal.code, message: refusal.message });
      },
      policy: (policy) => void this.applyPolicy(policy),
      inventoryRequested: (reason) => {
        this.deps.logger.info('hub asked for inventory', { reason });
        void this.refreshInventory();
      },
      ticketUpdated: (raw) => void this.deps.tickets?.applyUpdate(raw),
      fixRequested: (raw) => void this.deps.fixes?.handle(raw),
      siteAppearanceChanged: () => void this.refreshSiteAppearance(),
    };
  }

  private async afterConnect(): Promise<void> {
    if (this.resumePending) {
      this.resumePending = false;
      await this.notice('resuming');
    }
    await this.drain().catch((e: unknown) => this.statusOut.error('outbox_failed', errorMessage(e)));
    if (this.connection && this.deps.tickets) await this.deps.tickets.refresh(this.connection, this.sendTimeout);
    // Not awaited: a hub that never answers it must not hold up the inventory.
    void this.refreshSiteAppearance();
    if (this.connection && this.deps.kb) await this.deps.kb.refresh(this.connection, this.sendTimeout);
    await this.refreshInventory();
  }

  private async refreshSiteAppearance(): Promise<void> {
    const connection = this.connection;
    if (!connection?.connected || !this.deps.siteAppearance) return;
    await this.deps.siteAppearance.refresh(connection, this.sendTimeout).catch((e: unknown) => this.deps.logger.warn('site appearance refresh failed', { error: errorMessage(e) }));
  }

  private async applyPolicy(policy: AgentPolicy): Promise<void> {
    this.deps.health?.setPolicy(policy.health);
    if (!this.state) return;
    const changed =
      policy.heartbeatSeconds !== this.state.policy.heartbeatSeconds ||
      policy.inventorySeconds !== this.state.policy.inventorySeconds ||
      JSON.stringify(policy.inventoryIntervals ?? null) !== JSON.stringify(this.state.policy.inventoryIntervals ?? null);
    if (!changed) return;
    this.state = { ...this.state, policy };
    this.deps.logger.info('policy updated by the hub', { ...policy });
    try {
      await this.deps.stateStore.save(this.state);
    } catch (e) {
      this.statusOut.error('state_write_failed', errorMessage(e));
    }
    if (this.stopped || this.suspended) return;
    this.timers.arm('heartbeat', policy.heartbeatSeconds * 1000, () => void this.heartbeatTick());
    this.scheduleInventory();
  }

  /** A failing check must not stop the heartbeat that carries the sample. */
  private async checkHealth(metrics: MetricsSample): Promise<void> {
    try {
      await this.deps.health?.onSample(metrics);
    } catch (e) {
      this.statusOut.error('health_check_failed', `health checks failed: ${errorMessage(e)}`);
    }
  }

  private async notice(state: 'shutting-down' | 'suspending' | 'resuming'): Promise<void> {
    const connection = this.connection;
    if (!connection?.connected) return;
    const sentAt = new Date(this.deps.clock.now()).toISOString();
    const ack = await connection.send('device:presence', { id: this.ids(), sentAt, state }, this.deps.noticeTimeoutMs ?? 2_000);
    if (!ack.ok) this.deps.logger.debug('presence notice not acknowledged', { state, code: ack.error.code });
  }

  private get policy(): AgentPolicy {
    return this.state?.policy ?? { heartbeatSeconds: 30, inventorySeconds: 3600 };
  }

  private get sendTimeout(): number {
    return this.deps.sendTimeoutMs ?? 15_000;
  }
}
