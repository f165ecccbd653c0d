import type { TicketRecord } from '@deskside/store';
import type { AlertService } from '../alerts/alert-service.js';
import type { TicketAlerts } from './ticket-deps.js';

/**
 * The ticket desk's view of the alert service: link checks and the hub's `sla-breach` alert (one
 * per ticket and target, keyed by subject, so a breach is raised once).
 */
export function alertsAdapter(alerts: AlertService): TicketAlerts {
  return {
    async findAlert(alertId) {
      const [record] = await alerts.records([alertId]);
      return record ? { deviceId: record.deviceId } : undefined;
    },
    async raiseSlaBreach(t: TicketRecord, which) {
      if (t.deviceId === null) return;
      await alerts.raise({
        deviceId: t.deviceId,
        check: 'sla-breach',
        subject: `ticket-${t.number}-${which}`,
        source: 'hub',
        severity: 'warning',
        message: `Ticket #${t.number} "${t.subject}" (${t.priority}) missed its ${which} target.`.slice(0, 1024),
        value: null,
        threshold: null,
        actor: { type: 'hub', id: null, name: 'hub' },
      });
    },
    async raiseReopened(t: TicketRecord, comment: string, assigneeName: string | null) {
      if (t.deviceId === null) return;
      const who = assigneeName ? ` (assigned to ${assigneeName})` : ' (unassigned)';
      await alerts.raise({
        deviceId: t.deviceId,
        check: 'ticket-reopened',
        subject: `ticket-${t.number}`,
        source: 'hub',
        severity: 'warning',
        message: `${t.requester.name} says ticket #${t.number} "${t.subject}" is not fixed${who}: ${comment}`.slice(0, 1024),
        value: null,
        threshold: null,
        actor: { type: 'hub', id: null, name: 'hub' },
      });
    },
  };
}
