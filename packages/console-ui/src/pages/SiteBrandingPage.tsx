import { BRANDING_LIMITS, EMPLOYEE_LANGUAGES, type SiteBranding, type SiteAppearanceUpdate } from '@deskside/protocol';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api.js';
import { SafeText } from '../components/SafeText.js';
import { errorText, useAdminLoad } from './use-admin-load.js';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
type LogoType = (typeof LOGO_TYPES)[number];
const LANGUAGE_NAMES: Record<(typeof EMPLOYEE_LANGUAGES)[number], string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español' };

interface Draft {
  companyName: string;
  phone: string;
  email: string;
  openingHours: string;
  accentColor: string;
  useAccent: boolean;
  logo: SiteBranding['logo'];
  language: string;
}

const EMPTY_DRAFT: Draft = { companyName: '', phone: '', email: '', openingHours: '', accentColor: '#2c5d91', useAccent: false, logo: null, language: '' };

/**
 * `#/admin/sites`: what a site's employees see in their tray (name, logo, colour, how to reach
 * the help desk) and the tray's default language. The hub checks everything again (the logo by
 * its bytes, the colour's contrast); this form only saves a round trip for the obvious mistakes.
 */
export function SiteBrandingPage({ api }: { api: AdminApi }) {
  const sites = useAdminLoad(useCallback(() => api.sites(), [api]));
  const [siteId, setSiteId] = useState('');
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const current = siteId || sites.data?.[0]?.id || '';

  useEffect(() => {
    if (!current) return;
    let live = true;
    api.siteAppearance(current).then(
      (a) => {
        if (!live) return;
        const b = a.branding;
        setDraft({ companyName: b.companyName ?? '', phone: b.phone ?? '', email: b.email ?? '', openingHours: b.openingHours ?? '', accentColor: b.accentColor ?? EMPTY_DRAFT.accentColor, useAccent: b.accentColor !== null, logo: b.logo, language: a.language ?? '' });
        setMessage(null);
      },
      (caught: unknown) => live && setMessage({ kind: 'error', text: errorText(caught) }),
    );
    return () => {
      live = false;
    };
  }, [api, current]);

  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return setMessage({ kind: 'error', text: 'The logo must be a PNG, JPEG or WebP image (no SVG).' });
    if (file.size > BRANDING_LIMITS.logoBytes) return setMessage({ kind: 'error', text: `The logo must be at most ${BRANDING_LIMITS.logoBytes / 1024} KB.` });
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      setDraft((d) => ({ ...d, logo: { mediaType: file.type as LogoType, dataBase64: url.slice(url.indexOf(',') + 1) } }));
      setMessage(null);
    };
    reader.readAsDataURL(file);
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    const update: SiteAppearanceUpdate = {
      branding: {
        companyName: text(draft.companyName),
        logo: draft.logo,
        accentColor: draft.useAccent ? draft.accentColor : null,
        phone: text(draft.phone),
        email: text(draft.email),
        openingHours: text(draft.openingHours),
      },
      language: (EMPLOYEE_LANGUAGES as readonly string[]).includes(draft.language) ? (draft.language as SiteAppearanceUpdate['language']) : null,
    };
    try {
      await api.setSiteAppearance(current, update);
      setMessage({ kind: 'saved', text: 'Saved. The site’s trays show it within a few seconds.' });
    } catch (caught) {
      setMessage({ kind: 'error', text: errorText(caught) });
    }
  };

  const field = (key: 'companyName' | 'phone' | 'email' | 'openingHours', label: string, max: number, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} maxLength={max} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );

  return (
    <section aria-labelledby="branding-title">
      <h1 id="branding-title">Tray branding</h1>
      <p>What the employees of a site see in their tray’s windows and menu, and the language it speaks until they choose their own.</p>
      {sites.error !== null && <p role="alert"><SafeText value={sites.error} /></p>}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} data-testid="branding-message">
          <SafeText value={message.text} />
        </p>
      )}
      <form className="form-grid panel" onSubmit={(e) => void save(e)} data-testid="branding-form">
        <label className="field">
          <span>Site</span>
          <select value={current} onChange={(e) => setSiteId(e.target.value)}>
            {(sites.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
        {field('companyName', 'Company name', BRANDING_LIMITS.companyName)}
        {field('phone', 'Help desk phone', BRANDING_LIMITS.phone, 'tel')}
        {field('email', 'Help desk e-mail', 254, 'email')}
        {field('openingHours', 'Opening hours', BRANDING_LIMITS.openingHours)}
        <label className="check">
          <input type="checkbox" checked={draft.useAccent} onChange={(e) => setDraft({ ...draft, useAccent: e.target.checked })} /> Own accent colour
        </label>
        <label className="field">
          <span>Accent colour</span>
          <input type="color" value={draft.accentColor} disabled={!draft.useAccent} onChange={(e) => setDraft({ ...draft, accentColor: e.target.value })} />
        </label>
        <label className="field">
          <span>Logo (PNG, JPEG or WebP, at most {BRANDING_LIMITS.logoBytes / 1024} KB)</span>
          <input type="file" accept={LOGO_TYPES.join(',')} onChange={(e) => pickLogo(e.target.files?.[0])} />
        </label>
        {draft.logo && (
          <p className="form-note">
            <img className="branding-logo" src={`data:${draft.logo.mediaType};base64,${draft.logo.dataBase64}`} alt="Current logo" height={28} />{' '}
            <button type="button" className="button button-quiet" onClick={() => setDraft({ ...draft, logo: null })}>Remove logo</button>
          </p>
        )}
        <label className="field">
          <span>Tray language</span>
          <select value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value })}>
            <option value="">The computer’s language</option>
            {EMPLOYEE_LANGUAGES.map((l) => (
              <option key={l} value={l}>{LANGUAGE_NAMES[l]}</option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!current}>Save</button>
        </div>
      </form>
    </section>
  );
}
