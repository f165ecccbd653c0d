// The e-mail channel against real servers: Debian's Dovecot (IMAP) holds the desk's mailbox, a
// real SMTP receiver (smtp-server) takes what the hub sends. Mail is delivered with IMAP APPEND,
// the way a mail server files it; the hub finds it by polling.
import { randomBytes } from 'node:crypto';
import { TicketDetailSchema, TicketListResponseSchema, type Ticket } from '@deskside/protocol';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type RunningDovecot } from '../support/dovecot.js';
import { startHub, type TestHub } from '../support/hub.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const DESK = 'desk@example.test';

async function poll<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function rfc822(headers: Record<string, string>, body: string): Buffer {
  const lines = Object.entries({ Date: new Date().toUTCString(), To: DESK, 'MIME-Version': '1.0', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`);
}

const plain = (from: string, subject: string, text: string, extra: Record<string, string> = {}): Buffer =>
  rfc822({ From: from, Subject: subject, 'Message-ID': `<${randomBytes(8).toString('hex')}@mail.example.test>`, 'Content-Type': 'text/plain; charset=utf-8', ...extra }, text);

describe('tickets by e-mail (real Dovecot and SMTP)', () => {
  let dovecot: RunningDovecot;
  let smtp: SmtpSink;
  let hub: TestHub;
  let token: string;
  let imap: ImapFlow;

  const deliver = async (raw: Buffer): Promise<void> => {
    await imap.append('INBOX', raw);
  };
  const tickets = async (): Promise<Ticket[]> => TicketListResponseSchema.parse((await hub.get('/api/v1/tickets?channel=email', token)).body).tickets;
  const ticketAbout = (subject: string) => poll(async () => (await tickets()).find((t) => t.subject === subject), `a ticket "${subject}"`);
  const unseen = async (): Promise<number> => {
    const status = await imap.status('INBOX', { unseen: true });
    return status ? (status.unseen ?? -1) : -1;
  };
  const allSeen = () => poll(async () => ((await unseen()) === 0 ? true : undefined), 'every mail flagged as taken');

  beforeAll(async () => {
    dovecot = await startDovecot(DESK);
    smtp = await startSmtpSink();
    const mailbox = `imap://${encodeURIComponent(DESK)}:${dovecot.password}@127.0.0.1:${dovecot.port}/INBOX`;
    hub = await startHub(['--mail-poll-seconds', '5'], undefined, { DESKSIDE_MAILBOX: mailbox, DESKSIDE_SMTP: `smtp://127.0.0.1:${smtp.port}?from=${DESK}` });
    token = await hub.login();
    imap = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: DESK, pass: dovecot.password }, logger: false });
    await imap.connect();
  });

  afterAll(async () => {
    await imap?.logout().catch(() => undefined);
    await hub?.cleanup();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('turns a new mail into a ticket, answers it, and threads the reply and the technician answer', async () => {
    const first = plain('Alice Adams <alice@example.test>', 'Printer on floor 2 jams', 'It jams on every page since Monday.');
    await deliver(first);
    const t = await ticketAbout('Printer on floor 2 jams');
    expect(t).toMatchObject({ channel: 'email', requester: { name: 'Alice Adams', email: 'alice@example.test' }, description: 'It jams on every page since Monday.' });
    const received = await poll(async () => smtp.mails.find((m) => m.subject === `[#${t.number}] Printer on floor 2 jams`), 'the received notice');
    expect(received.to && 'text' in received.to ? received.to.text : '').toContain('alice@example.test');
    expect(received.headers.get('auto-submitted')).toBe('auto-replied');
    expect(received.inReplyTo).toBeUndefined();

    // Alice answers the notice: threaded by In-Reply-To, the quoted history dropped.
    await deliver(plain('alice@example.test', `Re: ${received.subject ?? ''}`, 'It is the tray 2 only.\n\nOn Monday, Desk wrote:\n> we have your request', { 'In-Reply-To': received.messageId ?? '', References: received.messageId ?? '' }));
    const withReply = await poll(async () => {
      const d = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${t.id}`, token)).body);
      return d.events.some((e) => e.type === 'reply') ? d : undefined;
    }, 'the reply on the ticket');
    expect(withReply.events.filter((e) => e.type === 'reply').map((e) => e.body)).toEqual(['It is the tray 2 only.']);

    // The technician's public answer goes out by mail, in the thread; an internal note never does.
    const post = (action: string, body: unknown) => fetch(`${hub.url}/api/v1/tickets/${t.id}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('note', { body: 'internal: toner supplier is slow' })).status).toBe(200);
    expect((await post('reply', { body: 'A new roller is on its way.' })).status).toBe(200);
    const answer = await poll(async () => smtp.mails.find((m) => m.text?.includes('A new roller is on its way.')), 'the technician answer by mail');
    expect(answer.subject).toBe(`Re: [#${t.number}] Printer on floor 2 jams`);
    expect(answer.inReplyTo).toBeDefined();
    expect(smtp.mails.some((m) => m.text?.includes('toner supplier'))).toBe(false);

    // A reply that names only the ticket number (its own requester) threads too.
    await deliver(plain('alice@example.test', `[#${t.number}] one more thing`, 'Tray 1 is fine.'));
    await poll(async () => {
      const d = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${t.id}`, token)).body);
      return d.events.some((e) => e.type === 'reply' && e.body === 'Tray 1 is fine.') ? true : undefined;
    }, 'the number-threaded reply');
    await allSeen();
  });

  it('takes HTML as safe text, ignores auto-replies, lists and bounces, and takes a message once', async () => {
    await deliver(rfc822({ From: 'bob@example.test', Subject: 'VPN <b>down</b>', 'Message-ID': '<html-1@mail.example.test>', 'Content-Type': 'text/html; charset=utf-8' }, '<p>The VPN is <b>down</b>.</p><script>alert(1)</script><img src="http://tracker.example/x.png">'));
    await deliver(plain('carol@example.test', 'Out of office', 'I am away.', { 'Auto-Submitted': 'auto-replied' }));
    await deliver(plain('list@example.test', 'Newsletter', 'News', { Precedence: 'bulk' }));
    await deliver(plain('MAILER-DAEMON@example.test', 'Undelivered Mail Returned to Sender', 'The mail could not be delivered.'));
    await deliver(plain(DESK, 'Loop', 'From ourselves'));
    const twice = plain('dave@example.test', 'Duplicate delivery', 'Same message twice.');
    await deliver(twice);
    await deliver(twice);
    const html = await ticketAbout('VPN <b>down</b>');
    expect(html.description).toContain('The VPN is down.');
    expect(html.description).not.toMatch(/<|alert\(1\)|tracker/);
    await ticketAbout('Duplicate delivery');
    await allSeen();
    const subjects = (await tickets()).map((t) => t.subject);
    expect(subjects.filter((s) => s === 'Duplicate delivery')).toHaveLength(1);
    expect(subjects).not.toEqual(expect.arrayContaining(['Out of office']));
    expect(subjects.some((s) => ['Out of office', 'Newsletter', 'Undelivered Mail Returned to Sender', 'Loop'].includes(s))).toBe(false);
    expect(smtp.mails.some((m) => m.to && 'text' in m.to && /carol|list@|mailer-daemon/i.test(m.to.text))).toBe(false);
  });

  it('survives malformed MIME and refuses a 30 MB mail politely, staying up', async () => {
    await deliver(Buffer.from('From: eve@example.test\r\nSubject: Broken\r\nMessage-ID: <broken-1@mail.example.test>\r\nContent-Type: multipart/mixed; boundary="nope"\r\n\r\n--wrong\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n'));
    const big = rfc822({ From: 'frank@example.test', Subject: 'Huge scan', 'Message-ID': '<huge-1@mail.example.test>', 'Content-Type': 'text/plain' }, 'A'.repeat(76).concat('\n').repeat(400_000));
    expect(big.length).toBeGreaterThan(30_000_000);
    await deliver(big);
    await allSeen();
    const bounce = await poll(async () => smtp.mails.find((m) => m.to && 'text' in m.to && m.to.text.includes('frank@example.test')), 'the polite refusal');
    expect(bounce.text).toContain('larger than');
    expect(bounce.inReplyTo).toBe('<huge-1@mail.example.test>');
    expect((await tickets()).some((t) => t.subject === 'Huge scan')).toBe(false);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });

  it('after a kill -9 while taking mail, every mail is a ticket exactly once', async () => {
    const subjects = Array.from({ length: 12 }, (_, i) => `Crash mail ${i}`);
    for (const s of subjects) await deliver(plain('grace@example.test', s, `Body of ${s}`));
    await poll(async () => ((await tickets()).some((t) => t.subject.startsWith('Crash mail')) ? true : undefined), 'the first crash mail taken', 60_000);
    await hub.stop('SIGKILL');
    await hub.restart();
    token = await hub.login();
    await allSeen();
    const got = (await tickets()).filter((t) => t.subject.startsWith('Crash mail')).map((t) => t.subject).sort();
    expect(got).toEqual([...subjects].sort());
  });
});
