import type { InboundMail } from './mail-parse.js';

/**
 * Why a mail must not become a ticket or a reply, or null. Auto-replies, list and bulk mail,
 * bounces and our own mail would otherwise answer each other for ever (RFC 3834).
 */
export function loopReason(mail: InboundMail, ownAddresses: ReadonlySet<string>): string | null {
  if (mail.from === null) return 'no sender';
  if (ownAddresses.has(mail.from.address)) return 'our own address';
  if (mail.autoSubmitted !== null && mail.autoSubmitted !== 'no') return `Auto-Submitted: ${mail.autoSubmitted}`;
  if (mail.precedence !== null && /^(bulk|list|junk)$/i.test(mail.precedence)) return `Precedence: ${mail.precedence}`;
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i.test(mail.from.address)) return 'a system sender';
  if (mail.autoResponse) return 'an auto-response header';
  return null;
}

/** The ticket number a subject names (`Re: [#123] Printer`), or null. */
export function ticketNumberIn(subject: string): number | null {
  const m = /\[#(\d{1,9})\]/.exec(subject);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** The subject without reply prefixes and our ticket tag, for a new ticket's title. */
export function cleanSubject(subject: string): string {
  let s = subject.replace(/\[#\d{1,9}\]/g, ' ');
  for (let i = 0; i < 5; i++) s = s.replace(/^\s*(re|fwd?|aw|wg|sv|antw)\s*:\s*/i, '');
  s = s.replace(/\s+/g, ' ').trim();
  return s === '' ? '(no subject)' : s.slice(0, 200);
}

/**
 * The new text of a reply: what the sender wrote above the quoted history ("On … wrote:", a
 * forwarded-message banner, Outlook's "From:" block, `>` lines).
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (/^\s*>/.test(line)) break;
    if (/^\s*On .{1,200} wrote:\s*$/i.test(line) || /^\s*Am .{1,200} schrieb .{0,200}:\s*$/i.test(line)) break;
    if (/^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Forwarded message)\s*-{2,}/i.test(line)) break;
    if (/^\s*(From|Von):\s.+/.test(line) && out.some((l) => l.trim() !== '')) break;
    if (/^-- $/.test(line)) break;
    out.push(line);
  }
  const kept = out.join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
