import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpDeskContact as Contact } from '../../common/bridge-api.js';
import { useShell } from '../window-root.js';

interface Lines {
  phone: string | null;
  email: string | null;
  hours: string | null;
  url: string | null;
}

/**
 * "Call us instead": the help desk's phone, e-mail and opening hours, from the hub's branding for
 * this site, else from the agent's config file; honest when there are none.
 */
export function HelpDeskContact() {
  const { t } = useTranslation();
  const { appearance } = useShell();
  const [configured, setConfigured] = useState<Contact | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    window.deskside.getHelpDesk().then(
      (value) => live && setConfigured(value),
      () => live && setConfigured(null),
    );
    return () => {
      live = false;
    };
  }, []);

  if (configured === undefined) return null;
  const branding = appearance?.branding;
  const lines: Lines = {
    phone: branding?.phone ?? configured?.phone ?? null,
    email: branding?.email ?? configured?.email ?? null,
    hours: branding?.openingHours ?? null,
    url: configured?.url ?? null,
  };
  const all: Array<[string, string, string | null]> = [
    ['phone', t('contact.phone'), lines.phone],
    ['email', t('contact.email'), lines.email],
    ['hours', t('contact.hours'), lines.hours],
    ['url', t('contact.web'), lines.url],
  ];
  const rows = all.filter((row): row is [string, string, string] => Boolean(row[2]));

  return (
    <section aria-labelledby="contact-title" data-testid="help-desk-contact">
      <h2 id="contact-title">{t('contact.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('contact.none')}</p>
      ) : (
        <dl className="summary-list card">
          {rows.map(([key, label, value]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
