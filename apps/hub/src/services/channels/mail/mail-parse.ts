import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import { simpleParser, type HeaderValue } from 'mailparser';

/** What the desk reads of one mail; everything else of the MIME tree is dropped. */
export interface InboundMail {
  /** Message-ID without brackets, or `sha256:<hex>` of the raw bytes when the mail has none. */
  key: string;
  /** The Message-ID as sent, or null. */
  messageId: string | null;
  /** In-Reply-To first, then References newest first: the order a thread is looked up in. */
  threadIds: string[];
  from: { address: string; name: string } | null;
  subject: string;
  /** The text part, or the HTML part turned into plain text (never HTML). */
  text: string;
  autoSubmitted: string | null;
  precedence: string | null;
  /** X-Autoreply, X-Autorespond, X-Auto-Response-Suppress: All and their kin. */
  autoResponse: boolean;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** Most text kept of one mail (the ticket description's bound). */
export const MAX_MAIL_TEXT = 16_000;

/** Parses raw RFC 5322 bytes with mailparser; a malformed MIME tree still yields what it can. */
export async function parseMail(raw: Buffer): Promise<InboundMail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const header = (name: string): string | null => headerText(mail.headers.get(name));
  const messageId = bare(mail.messageId ?? null);
  const references = (Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []).map(bare).filter((r): r is string => r !== null);
  const inReplyTo = bare(mail.inReplyTo ?? null);
  const fromValue = mail.from?.value[0];
  const text = mail.text?.trim() ? mail.text : mail.html ? convert(mail.html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }, { selector: 'a', options: { ignoreHref: true } }] }) : '';
  return {
    key: messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    messageId,
    threadIds: [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references.reverse()])].slice(0, 50),
    from: fromValue?.address ? { address: fromValue.address.toLowerCase(), name: (fromValue.name || fromValue.address).slice(0, 128) } : null,
    subject: (mail.subject ?? '').slice(0, 998),
    text: text.replaceAll(String.fromCharCode(0), '').slice(0, MAX_MAIL_TEXT),
    autoSubmitted: header('auto-submitted')?.toLowerCase() ?? null,
    precedence: header('precedence'),
    autoResponse: ['x-autoreply', 'x-autorespond', 'x-autoresponder'].some((h) => mail.headers.has(h)) || /\ball\b/i.test(header('x-auto-response-suppress') ?? ''),
    attachments: mail.attachments.map((a) => ({ filename: (a.filename ?? 'attachment').slice(0, 200), contentType: a.contentType, content: a.content })),
  };
}

function bare(id: string | null): string | null {
  if (id === null) return null;
  const m = /<([^<>\s]{1,900})>/.exec(id);
  const v = (m?.[1] ?? id.trim()).slice(0, 900);
  return v === '' ? null : v;
}

function headerText(value: HeaderValue | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string') return value.value.trim();
  return null;
}
