import type { WebhookBody } from '@deskside/protocol';
import { inert } from '../notify/notification-text.js';

/** The one-line message a Slack or Teams subscription receives for an event (`{"text": ...}`). */
export function webhookText(body: WebhookBody): string {
  const t = (s: string, max = 200) => inert(s, max);
  switch (body.event) {
    case 'ticket.created':
    case 'ticket.updated':
    case 'ticket.resolved': {
      const k = body.data.ticket;
      return `Deskside: ticket #${k.number} ${body.event.slice('ticket.'.length)} (${k.priority}, ${k.status}): ${t(k.subject)}`;
    }
    case 'sla.breached':
      return `Deskside: SLA ${body.data.target ?? ''} target missed on ticket #${body.data.ticket.number} (${body.data.ticket.priority}): ${t(body.data.ticket.subject)}`;
    case 'alert.raised':
    case 'alert.resolved': {
      const a = body.data.alert;
      return `Deskside: ${a.severity} alert ${body.event === 'alert.raised' ? 'raised' : 'resolved'} on ${t(a.hostname, 64)}: ${t(a.message)}`;
    }
    case 'device.enrolled':
      return `Deskside: ${t(body.data.device.hostname, 64)} enrolled.`;
    case 'device.unreachable':
      return `Deskside: ${t(body.data.device.hostname, 64)} is unreachable.`;
    case 'device.merged':
      return `Deskside: ${t(body.data.device.hostname, 64)} was merged into ${t(body.data.into.hostname, 64)}.`;
    case 'webhook.test':
      return `Deskside: test message for this channel. ${t(body.data.message)}`;
  }
}
