import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../window-root.js';
import { LanguagePicker } from './LanguagePicker.js';

/** Every tray window: the help desk's name (or logo) and the language, a status banner, one heading. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { appearance, status } = useShell();
  const branding = appearance?.branding ?? null;
  const company = branding?.companyName ?? t('app.helpDesk');

  useEffect(() => {
    document.title = `${title} — ${company}`;
  }, [title, company]);

  return (
    <>
      <header className="masthead">
        <div className="brand" data-testid="brand">
          {branding?.logoDataUrl && <img src={branding.logoDataUrl} alt="" />}
          <span>{company}</span>
        </div>
        <LanguagePicker />
      </header>
      <main>
        {status === 'offline' && (
          <p className="banner" role="status" data-testid="offline-banner">
            {t('app.offline')}
          </p>
        )}
        {status === 'not-configured' && (
          <p className="banner" role="status">
            {t('app.notSetUp')}
          </p>
        )}
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
