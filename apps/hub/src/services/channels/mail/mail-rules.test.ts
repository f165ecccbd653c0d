import { describe, expect, it } from 'vitest';
import type { InboundMail } from './mail-parse.js';
import { cleanSubject, loopReason, stripQuoted, ticketNumberIn } from './mail-rules.js';

const mail = (over: Partial<InboundMail> = {}): InboundMail => ({
  key: 'k@x',
  messageId: 'k@x',
  threadIds: [],
  from: { address: 'alice@example.com', name: 'Alice' },
  subject: 'Help',
  text: 'Hi',
  autoSubmitted: null,
  precedence: null,
  autoResponse: false,
  attachments: [],
  ...over,
});

describe('mail loop rules', () => {
  const own = new Set(['desk@example.com']);
  it.each([
    ['a person', mail(), null],
    ['Auto-Submitted: no', mail({ autoSubmitted: 'no' }), null],
    ['an auto-reply', mail({ autoSubmitted: 'auto-replied' }), 'Auto-Submitted: auto-replied'],
    ['bulk', mail({ precedence: 'bulk' }), 'Precedence: bulk'],
    ['a list', mail({ precedence: 'List' }), 'Precedence: List'],
    ['our own mail', mail({ from: { address: 'desk@example.com', name: 'Desk' } }), 'our own address'],
    ['a bounce', mail({ from: { address: 'mailer-daemon@example.com', name: 'x' } }), 'a system sender'],
    ['no-reply', mail({ from: { address: 'noreply@vendor.example', name: 'x' } }), 'a system sender'],
    ['X-Autoreply', mail({ autoResponse: true }), 'an auto-response header'],
    ['no sender', mail({ from: null }), 'no sender'],
  ])('%s', (_name, m, reason) => {
    expect(loopReason(m, own)).toBe(reason);
  });
});

describe('subjects', () => {
  it('finds the ticket tag and cleans reply prefixes', () => {
    expect(ticketNumberIn('Re: AW: [#123] Printer')).toBe(123);
    expect(ticketNumberIn('Printer #123')).toBeNull();
    expect(cleanSubject('Re: Fwd: [#12]  Printer   jams')).toBe('Printer jams');
    expect(cleanSubject('  ')).toBe('(no subject)');
    expect(cleanSubject('x'.repeat(300))).toHaveLength(200);
  });
});

describe('quoted history', () => {
  it.each([
    ['Gmail', 'Tray 2 only.\n\nOn Mon, 1 Dec 2026 at 10:00, Desk <desk@x> wrote:\n> earlier', 'Tray 2 only.'],
    ['German Outlook', 'Nur Fach 2.\n\nVon: Desk\nGesendet: Montag', 'Nur Fach 2.'],
    ['quote marks', 'Yes\n> old', 'Yes'],
    ['signature', 'Thanks\n-- \nAlice', 'Thanks'],
    ['a banner', 'See below\n----- Original Message -----\nold', 'See below'],
    ['nothing new above the quote keeps everything', '> only a quote', '> only a quote'],
  ])('%s', (_name, text, kept) => {
    expect(stripQuoted(text)).toBe(kept);
  });
});
