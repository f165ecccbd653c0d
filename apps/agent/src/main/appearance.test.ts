import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Appearance, type SiteLook } from './appearance.js';

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function make(site: SiteLook | null = null, system: string[] = ['fr-CA', 'en-US']) {
  const dir = mkdtempSync(path.join(tmpdir(), 'appearance-'));
  dirs.push(dir);
  const file = path.join(dir, 'preferences.json');
  let look = site;
  const appearance = new Appearance({ file, systemLanguages: () => system, site: () => look, logger });
  return { appearance, file, setSite: (s: SiteLook | null) => (look = s) };
}

describe('Appearance', () => {
  it('speaks the OS language first, then the site default, then the employee’s choice', async () => {
    const { appearance, setSite } = make();
    expect((await appearance.view()).language).toBe('fr');
    setSite({ branding: null, language: 'de' });
    expect((await appearance.view()).language).toBe('de');
    expect((await appearance.setLanguage('es')).language).toBe('es');
    expect((await appearance.setLanguage(null)).language).toBe('de');
  });

  it('keeps the choice across restarts, and ignores a file in another shape', async () => {
    const { appearance, file } = make(null, []);
    await appearance.setLanguage('de');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ v: 1, language: 'de' });
    const again = new Appearance({ file, systemLanguages: () => [], site: () => null, logger });
    expect((await again.view()).languageChoice).toBe('de');
    writeFileSync(file, JSON.stringify({ v: 1, language: 'xx' }));
    const broken = new Appearance({ file, systemLanguages: () => [], site: () => null, logger });
    expect((await broken.view()).language).toBe('en');
  });

  it('tells listeners about a new choice and a new site look', async () => {
    const { appearance, setSite } = make();
    const seen: string[] = [];
    appearance.onChange((v) => seen.push(`${v.language}:${v.branding?.companyName ?? '-'}`));
    await appearance.setLanguage('de');
    setSite({ branding: { companyName: 'Acme', logoDataUrl: null, accentColor: null, phone: null, email: null, openingHours: null }, language: 'en' });
    appearance.changed();
    expect(seen).toEqual(['de:-', 'de:Acme']);
  });
});
