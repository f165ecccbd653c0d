import type { EmployeeArticle } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { KbLocalIndex, osaDistance, stemOf, wordsOf } from './kb-local-search.js';

let n = 0;
const article = (title: string, body = '', tags: string[] = [], category = 'General'): EmployeeArticle => ({
  id: `01J${String(++n).padStart(23, '0')}`,
  title,
  body,
  category,
  tags,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const corpus = [
  article('Outlook crashes when it starts', 'Start Outlook in safe mode, then disable add-ins.', ['outlook', 'email'], 'Email'),
  article('Connect to the VPN from home', 'Open GlobalProtect and sign in.', ['vpn'], 'Network'),
  article('Clear a paper jam', 'Open tray 2, then the rear door of the printer.', ['printer'], 'Printing'),
  article('Reset your password', 'Use the self-service portal; Outlook asks again afterwards.', ['account'], 'Accounts'),
  article('Réinitialiser le mot de passe', 'Portail libre-service.', [], 'Comptes'),
];
const titles = (q: string, limit = 3) => new KbLocalIndex(corpus).search(q, limit).map((a) => a.title);

describe('offline help article search', () => {
  it('ranks title matches over body mentions', () => {
    expect(titles('outlook')[0]).toBe('Outlook crashes when it starts');
    expect(titles('outlook')).toContain('Reset your password');
  });

  it('tolerates typos, word endings and unfinished words', () => {
    expect(titles('outlok crashs')[0]).toBe('Outlook crashes when it starts');
    expect(titles('vpn from hom')[0]).toBe('Connect to the VPN from home');
    expect(titles('printing')[0]).toBe('Clear a paper jam');
    expect(titles('papr')[0]).toBe('Clear a paper jam');
  });

  it('folds accents and ignores stop words and punctuation', () => {
    expect(titles('reinitialiser')[0]).toBe('Réinitialiser le mot de passe');
    expect(titles('the <script> of a')).toEqual([]);
  });

  it('needs at least half of the words to match, and honours the limit', () => {
    expect(titles('fax machine toner')).toEqual([]);
    expect(titles('open', 1)).toHaveLength(1);
  });

  it('has small helpers that behave', () => {
    expect(wordsOf('Wi-Fi, DNS & Ärger')).toEqual(['wi', 'fi', 'dns', 'arger']);
    expect(stemOf('crashes')).toBe('crash');
    expect(stemOf('is')).toBe('is');
    expect(osaDistance('outlok', 'outlook', 1)).toBe(1);
    expect(osaDistance('tehm', 'them', 1)).toBe(1);
    expect(osaDistance('printer', 'scanner', 2)).toBe(3);
  });
});
