import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThisComputerInfo } from '../../common/bridge-api.js';
import { computerRows, computerText } from '../computer-text.js';

type Load = { state: 'loading' } | { state: 'ready'; info: ThisComputerInfo } | { state: 'failed' };

/** Computer name, user, IP, serial and OS, with a Copy button: what a technician asks on the phone. */
export function ComputerCard() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    const refresh = () => {
      window.deskside.getThisComputer().then(
        (info) => live && setLoad({ state: 'ready', info }),
        () => live && setLoad({ state: 'failed' }),
      );
    };
    refresh();
    const unsubscribe = window.deskside.onStatus(refresh);
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  if (load.state === 'loading') return <p className="muted">{t('computer.reading')}</p>;
  if (load.state === 'failed')
    return (
      <div className="error-summary" role="alert">
        <h2>{t('app.errorSummaryTitle')}</h2>
        <p>{t('computer.failed')}</p>
      </div>
    );

  const copy = () => {
    window.deskside.copyToClipboard(computerText(load.info, t)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section data-testid="computer-card">
      <dl className="summary-list card">
        {computerRows(load.info, t).map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="button" onClick={copy} data-testid="copy-details">
          {t('computer.copy')}
        </button>
        <span role="status" className="muted">
          {copied ? t('computer.copied') : ''}
        </span>
      </div>
    </section>
  );
}
