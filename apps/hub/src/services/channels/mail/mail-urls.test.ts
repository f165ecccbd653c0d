import { describe, expect, it } from 'vitest';
import { MailUrlError, parseMailboxUrl, parseSmtpUrl } from './mail-urls.js';

describe('mail URLs', () => {
  it('reads a mailbox URL with its site and category, and labels it without the password', () => {
    const m = parseMailboxUrl('imaps://desk%40example.com:p%40ss@mail.example.com/Help%20Desk?site=s1&category=printer');
    expect(m).toEqual({ host: 'mail.example.com', port: 993, secure: true, user: 'desk@example.com', password: 'p@ss', folder: 'Help Desk', label: 'desk@example.com@mail.example.com/Help Desk', siteId: 's1', category: 'printer' });
    expect(parseMailboxUrl('imap://u:p@h:1143').folder).toBe('INBOX');
  });

  it('reads an SMTP URL; the From comes from ?from= or an address-like user', () => {
    expect(parseSmtpUrl('smtps://desk%40example.com:pw@smtp.example.com')).toMatchObject({ port: 465, secure: true, from: 'desk@example.com' });
    expect(parseSmtpUrl('smtp://relay:25?from=Help@Example.com')).toMatchObject({ port: 25, user: null, password: null, from: 'help@example.com' });
  });

  it.each(['http://u:p@h/INBOX', 'imap://h/INBOX', 'imaps://user@h/INBOX', 'not a url', 'imap://u:p@h/?category=coffee'])('refuses %s without repeating it', (url) => {
    expect(() => parseMailboxUrl(url)).toThrow(MailUrlError);
    try {
      parseMailboxUrl(url);
    } catch (err) {
      expect((err as Error).message).not.toContain(':p@');
    }
  });

  it('refuses an SMTP URL without a From', () => {
    expect(() => parseSmtpUrl('smtp://relay:25')).toThrow(/desk's address/);
  });
});
