import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/with-timeout.js';
import { initialStatus, type AgentStatus, type AgentStatusEvent, type AgentStatusListener } from './status.js';

/**
 * The runtime's status as the tray sees it: the current snapshot, the listeners, and the one
 * way errors are reported (logged, kept in the snapshot, announced). A listener that throws is
 * logged and skipped: the tray's bug must not stop the agent.
 */
export class StatusPublisher {
  private readonly listeners = new Set<AgentStatusListener>();
  private current: AgentStatus = initialStatus();

  constructor(
    private readonly logger: Logger,
    /** Messages waiting in the outbox, read at each snapshot. */
    private readonly queued: () => number,
  ) {}

  subscribe(listener: AgentStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): AgentStatus {
    return { ...this.current, queued: this.queued() };
  }

  get phase(): AgentStatus['phase'] {
    return this.current.phase;
  }

  update(patch: Partial<AgentStatus>): void {
    this.current = { ...this.current, ...patch };
  }

  emit(event: AgentStatusEvent): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) {
      try {
        listener(event, snapshot);
      } catch (e) {
        this.logger.warn('status listener threw', { error: errorMessage(e) });
      }
    }
  }

  /** A failure that does not stop the agent: logged, shown, announced. */
  error(code: string, message: string): void {
    this.logger.error(message, { code });
    this.update({ error: { code, message, fatal: false } });
    this.emit({ type: 'error', code, message, fatal: false });
  }
}
