import type { MetricsRegistry } from '../../metrics/registry.js';
import type { HubEvents } from './hub-events.js';

/**
 * Counters of what happened, by event (bounded labels: event names, never ids). Mails have their
 * counter ready for the mail channel: `deskside_mails_total{direction, outcome}`.
 */
export function countHubEvents(metrics: MetricsRegistry, events: HubEvents): () => void {
  const tickets = metrics.counter('deskside_tickets_total', 'Ticket events: created, updated, resolved, sla_breached.', ['event']);
  const alerts = metrics.counter('deskside_alerts_total', 'Alert events: raised, resolved.', ['event']);
  const devices = metrics.counter('deskside_device_events_total', 'Device events: enrolled, unreachable, merged.', ['event']);
  metrics.counter('deskside_mails_total', 'Mails received and sent, by direction (in, out) and outcome.', ['direction', 'outcome']);
  return events.subscribe((e) => {
    const [kind, what = e.event] = e.event.split('.');
    if (e.event === 'sla.breached') tickets.inc({ event: 'sla_breached' });
    else if (kind === 'ticket') tickets.inc({ event: what });
    else if (kind === 'alert') alerts.inc({ event: what });
    else devices.inc({ event: what });
  });
}
