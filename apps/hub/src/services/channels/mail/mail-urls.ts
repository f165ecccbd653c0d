import { TicketCategorySchema, type TicketCategory } from '@deskside/protocol';

/** A mailbox the hub reads (`--mailbox imap(s)://user:pass@host:port/INBOX`). */
export interface MailboxConfig {
  host: string;
  port: number;
  /** imaps: TLS from the first byte; imap: STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  /** For logs and the health page: never the password. */
  label: string;
  /** `?site=<id>`: the site its tickets are filed under (default: the hub's first site). */
  siteId: string | null;
  /** `?category=printer`: its tickets' category (default other). */
  category: TicketCategory;
}

/** The SMTP server outgoing mail goes through (`--smtp smtp(s)://user:pass@host:port?from=desk@example.com`). */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The desk's address: From of every mail, and one of "our own" addresses a loop is recognised by. */
  from: string;
  label: string;
}

/** Thrown for a URL that cannot work; the message never repeats the URL (it carries a password). */
export class MailUrlError extends Error {}

export function parseMailboxUrl(value: string): MailboxConfig {
  const url = parse(value, ['imap:', 'imaps:'], 'an imap:// or imaps:// URL');
  const user = decodeURIComponent(url.username);
  if (user === '' || url.password === '') throw new MailUrlError('The mailbox URL needs a user and a password (imaps://user:password@host/INBOX).');
  const folder = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  const secure = url.protocol === 'imaps:';
  const category = TicketCategorySchema.safeParse(url.searchParams.get('category') ?? 'other');
  if (!category.success) throw new MailUrlError(`The mailbox URL's category must be one of ${TicketCategorySchema.options.join(', ')}.`);
  return {
    host: url.hostname,
    port: portOf(url, secure ? 993 : 143),
    secure,
    user,
    password: decodeURIComponent(url.password),
    folder,
    label: `${user}@${url.hostname}/${folder}`,
    siteId: url.searchParams.get('site'),
    category: category.data,
  };
}

export function parseSmtpUrl(value: string): SmtpConfig {
  const url = parse(value, ['smtp:', 'smtps:'], 'an smtp:// or smtps:// URL');
  const user = url.username === '' ? null : decodeURIComponent(url.username);
  const from = url.searchParams.get('from') ?? (user?.includes('@') ? user : null);
  if (from === null || !/^[^\s@<>]+@[^\s@<>]+$/.test(from)) throw new MailUrlError('The SMTP URL needs the desk\'s address: a user that is an e-mail address, or ?from=desk@example.com.');
  const secure = url.protocol === 'smtps:';
  return { host: url.hostname, port: portOf(url, secure ? 465 : 587), secure, user, password: url.password === '' ? null : decodeURIComponent(url.password), from: from.toLowerCase(), label: `${url.hostname}:${portOf(url, secure ? 465 : 587)}` };
}

function parse(value: string, protocols: readonly string[], what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MailUrlError(`Expected ${what}.`);
  }
  if (!protocols.includes(url.protocol) || url.hostname === '' || value.length > 2048) throw new MailUrlError(`Expected ${what}.`);
  return url;
}

function portOf(url: URL, fallback: number): number {
  return url.port === '' ? fallback : Number(url.port);
}
