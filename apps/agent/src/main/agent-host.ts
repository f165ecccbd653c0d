import type { AgentStartOptions, AgentStatus, AgentStatusListener, PendingFix, TicketChangeEvent } from '@deskside/agent-core';
import type { FixesPort } from './fixes-port.js';
import type { AgentConnectionStatus } from '../common/bridge-api.js';
import type { AgentConfig } from './agent-config.js';
import type { KbPort } from './kb-port.js';
import type { KeyProtection, SecretSealer } from './key-protection.js';
import type { Logger } from './logger.js';
import type { TicketsPort } from './tickets-port.js';
import type { SiteLook } from './appearance.js';
import { siteLookOf, type SiteAppearancePort } from './site-look.js';

/**
 * The slice of agent-core's `AgentRuntime` the tray drives. Declared here so the shell depends on
 * a shape, not on the runtime's internals; agent-core's class satisfies it structurally.
 */
export interface AgentRuntimeLike {
  start(options: AgentStartOptions): Promise<void>;
  stop(reason: string): Promise<void>;
  notifySuspend(): Promise<void>;
  notifyResume(): void;
  onStatus(listener: AgentStatusListener): () => void;
  status(): Pick<AgentStatus, 'phase' | 'deviceId'>;
  /** The employee's tickets; absent or `null` when the runtime has none. */
  readonly tickets?: TicketsPort | null;
  /** The site's branding and default language from the hub; absent or `null` when the runtime has none. */
  readonly siteAppearance?: SiteAppearancePort | null;
  /** Consented fixes; absent or `null` when the runtime has none. */
  readonly fixes?: FixesPort | null;
  /** Help articles; absent or `null` when the runtime has none. */
  readonly kb?: KbPort | null;
}

/** What the tray hands over to build a runtime. */
export interface AgentRuntimeOptions {
  stateDir: string;
  logger: Logger;
  /** Present when the OS keychain protects the device key; absent means agent-core's 0600 file. */
  secretSealer?: SecretSealer;
}

export type CreateAgentRuntime = (options: AgentRuntimeOptions) => Promise<AgentRuntimeLike>;

export interface AgentHostOptions {
  config: AgentConfig;
  /** `app.getPath('userData')`: the tray's agent state lives with the tray's profile. */
  stateDir: string;
  keyProtection: KeyProtection;
  createRuntime: CreateAgentRuntime;
  logger: Logger;
}

/** The tray's status for a runtime phase. */
export function connectionStatusOf(phase: AgentStatus['phase']): AgentConnectionStatus {
  switch (phase) {
    case 'connected':
      return 'connected';
    case 'offline':
    case 'stopped':
      return 'offline';
    case 'error':
      return 'error';
    default:
      return 'starting';
  }
}

/**
 * Runs agent-core inside the tray's main process and turns its events into the one status the
 * tray icon and the windows show.
 */
export class AgentHost {
  private current: AgentConnectionStatus = 'starting';
  private runtime: AgentRuntimeLike | null = null;
  private readonly listeners = new Set<(status: AgentConnectionStatus) => void>();
  private readonly ticketListeners = new Set<(event: TicketChangeEvent) => void>();
  private readonly helpListeners = new Set<(requested: boolean) => void>();
  private readonly siteListeners = new Set<() => void>();
  private readonly fixListeners = new Set<(pending: PendingFix[]) => void>();
  private helpRequested = false;

  constructor(private readonly options: AgentHostOptions) {}

  status(): AgentConnectionStatus {
    return this.current;
  }

  /** Assigned by the hub at enrolment; `null` before. */
  deviceId(): string | null {
    return this.runtime?.status().deviceId ?? null;
  }

  onStatus(listener: (status: AgentConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The runtime's ticket desk, once it runs. */
  tickets(): TicketsPort | null {
    return this.runtime?.tickets ?? null;
  }

  /** The runtime's help articles, once it runs. */
  kb(): KbPort | null {
    return this.runtime?.kb ?? null;
  }

  /** Every change to the employee's tickets (relayed from the runtime started later). */
  onTicketChange(listener: (event: TicketChangeEvent) => void): () => void {
    this.ticketListeners.add(listener);
    return () => this.ticketListeners.delete(listener);
  }

  /** The site's branding and default language as the hub last gave them; `null` before that. */
  siteLook(): SiteLook | null {
    return siteLookOf(this.runtime?.siteAppearance?.current() ?? null);
  }

  /** Called when the site's look changes (the cached copy read at start, then the hub's pushes). */
  onSiteLook(listener: () => void): () => void {
    this.siteListeners.add(listener);
    return () => this.siteListeners.delete(listener);
  }

  /** The runtime's fix desk, once it runs. */
  fixes(): FixesPort | null {
    return this.runtime?.fixes ?? null;
  }

  /** Fixes waiting for the employee's answer (relayed from the runtime started later). */
  onPendingFixes(listener: (pending: PendingFix[]) => void): () => void {
    this.fixListeners.add(listener);
    return () => this.fixListeners.delete(listener);
  }

  /** "The employee has an open ticket", for the tray's help-requested look. */
  onHelpRequested(listener: (requested: boolean) => void): () => void {
    this.helpListeners.add(listener);
    return () => this.helpListeners.delete(listener);
  }

  /** Starts the runtime, or stays `not-configured` when no hub URL was given. */
  async start(): Promise<void> {
    const { config, stateDir, keyProtection, createRuntime, logger } = this.options;
    if (!config.hubUrl) {
      logger.warn('no hub URL configured: the agent stays idle', { configFile: config.source });
      this.set('not-configured');
      return;
    }
    try {
      const runtime = await createRuntime({
        stateDir,
        logger,
        ...(keyProtection.kind === 'os-keychain' ? { secretSealer: keyProtection.sealer } : {}),
      });
      this.runtime = runtime;
      runtime.onStatus((_event, status) => this.set(connectionStatusOf(status.phase)));
      runtime.tickets?.onChange((event) => {
        for (const listener of this.ticketListeners) listener(event);
        void this.refreshHelpRequested();
      });
      void this.refreshHelpRequested();
      const site = runtime.siteAppearance;
      if (site) {
        site.onChange(() => {
          for (const listener of this.siteListeners) listener();
        });
        // The copy on disk brands the windows before (and without) the hub.
        await site.load().catch((error: unknown) => logger.warn('site appearance copy not read', { error }));
      }
      // The tray is there to ask the employee: fixes wait for their answer instead of being declined.
      runtime.fixes?.attachAsker();
      runtime.fixes?.onPending((pending) => {
        for (const listener of this.fixListeners) listener(pending);
      });
      await runtime.start({
        hubUrl: config.hubUrl,
        ...(config.enrollToken ? { enrollToken: config.enrollToken } : {}),
        ...(config.hubFingerprint ? { hubFingerprint: config.hubFingerprint } : {}),
      });
    } catch (error) {
      // agent-core's AgentConfigError: not enrolled and no token to enrol with.
      const notConfigured = error instanceof Error && error.name === 'AgentConfigError';
      logger.error(notConfigured ? 'agent is not configured' : 'agent runtime did not start', { error });
      this.set(notConfigured ? 'not-configured' : 'error');
    }
  }

  async stop(reason: string): Promise<void> {
    const runtime = this.runtime;
    this.runtime = null;
    if (runtime) await runtime.stop(reason);
  }

  notifySuspend(): void {
    this.runtime?.notifySuspend().catch((error: unknown) => this.options.logger.warn('suspend notice failed', { error }));
  }

  notifyResume(): void {
    this.runtime?.notifyResume();
  }

  private async refreshHelpRequested(): Promise<void> {
    let requested = false;
    try {
      requested = (await this.tickets()?.hasOpenTicket()) ?? false;
    } catch (error) {
      this.options.logger.warn('could not read my tickets', { error });
    }
    if (requested === this.helpRequested) return;
    this.helpRequested = requested;
    for (const listener of this.helpListeners) listener(requested);
  }

  private set(status: AgentConnectionStatus): void {
    if (status === this.current) return;
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }
}
