import type { AlertSeverity } from '@deskside/protocol';

/** What a queued notification carries (written by the alert service, read back from JSON). */
export interface NotificationPayload {
  alertId: string;
  hostname: string;
  check: string;
  subject: string;
  severity: AlertSeverity;
  message: string;
  raisedAt: string;
}

const DIGEST_LINES = 20;

/** Reads a stored payload defensively: the text is built from agent-sent strings. */
export function readPayload(value: unknown): NotificationPayload | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const s = (k: string): string => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const severity = s('severity');
  if (severity !== 'info' && severity !== 'warning' && severity !== 'critical') return undefined;
  return { alertId: s('alertId'), hostname: s('hostname'), check: s('check'), subject: s('subject'), severity, message: s('message'), raisedAt: s('raisedAt') };
}

/**
 * Agent-sent text made inert for Slack and Teams: no control characters, no `<…>` links or
 * `<!channel>` mentions, no markdown that could disguise a link.
 */
export function inert(text: string, max: number): string {
  const cleaned = [...text]
    .map((c) => (isControl(c.codePointAt(0) ?? 0) ? ' ' : c))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[[\]()*_~`|]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b');
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

function line(p: NotificationPayload): string {
  const subject = p.subject ? ` ${inert(p.subject, 80)}` : '';
  return `${inert(p.hostname, 80)}: ${inert(p.check, 64)}${subject}: ${inert(p.message, 300)}`;
}

/** One alert: `{"text": …}` works for Slack incoming webhooks and Teams connectors alike. */
export function singleText(p: NotificationPayload): string {
  return `[Deskside] ${p.severity.toUpperCase()} alert on ${line(p)}`;
}

/** Many alerts at once: one message, not a flood. */
export function digestText(payloads: readonly NotificationPayload[]): string {
  const shown = payloads.slice(0, DIGEST_LINES).map((p) => `• ${p.severity.toUpperCase()} ${line(p)}`);
  const more = payloads.length > DIGEST_LINES ? [`… and ${payloads.length - DIGEST_LINES} more`] : [];
  return [`[Deskside] ${payloads.length} alerts`, ...shown, ...more].join('\n');
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}
