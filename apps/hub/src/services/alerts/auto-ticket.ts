import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { toAlert } from './alert-presenter.js';
import type { PolicyService } from './policy-service.js';
import type { TicketHook } from './ticket-hook.js';

export interface AutoTicketDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  policies: PolicyService;
  tickets: TicketHook;
}

/**
 * The ticket a health policy asks for: a critical alert of a check in the device's
 * `autoTicketChecks` gets one ticket when it is open for someone to act on — raised critical,
 * escalated from warning (disks fill gradually, so a check's critical alert usually starts as a
 * warning), or back from a snooze or maintenance while still active. None while it is silenced
 * (maintenance exists so that planned work opens nothing) or over, and never a second one: the
 * alert's `ticketId` says it has one, and calls for one alert are serialised here so two quick
 * transitions cannot both find it without.
 */
export class AutoTickets {
  private readonly busy = new Set<string>();
  /** Alerts that changed again while their call was running: looked at once more after it. */
  private readonly again = new Set<string>();

  constructor(private readonly deps: AutoTicketDeps) {}

  /** Answers whether a ticket was opened and linked (the alert changed). Never throws. */
  async open(alertId: string, check: string, deviceId: string): Promise<boolean> {
    if (this.busy.has(alertId)) {
      this.again.add(alertId);
      return false;
    }
    this.busy.add(alertId);
    let linked = false;
    try {
      do {
        this.again.delete(alertId);
        linked = (await this.attempt(alertId, check, deviceId)) || linked;
      } while (this.again.has(alertId));
    } catch (err) {
      this.deps.logger.warn('automatic ticket for a critical alert failed', { alertId, err: String(err) });
    } finally {
      this.busy.delete(alertId);
      this.again.delete(alertId);
    }
    return linked;
  }

  private async attempt(alertId: string, check: string, deviceId: string): Promise<boolean> {
    const policy = await this.deps.policies.forDevice(deviceId);
    if (!policy.autoTicketChecks.includes(check)) return false;
    const record = await this.deps.store.alerts.findById(alertId);
    // Acknowledged counts as open here: a technician on it does not make it less critical.
    if (!record || record.ticketId !== null || record.severity !== 'critical' || record.state === 'snoozed' || record.state === 'resolved') return false;
    const ticketId = await this.deps.tickets.openForAlert(toAlert(record));
    if (!ticketId) return false;
    const now = this.deps.clock();
    await this.deps.store.transaction(async (tx) => {
      await tx.alerts.update(alertId, { ticketId, updatedAt: now });
      await tx.alerts.appendEvent({
        id: this.deps.newId(), alertId, at: now, actorType: 'hub', actorId: null, actorName: 'hub',
        action: 'ticket-linked', details: `ticket ${ticketId} opened automatically`,
      });
    });
    return true;
  }
}
