import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectivityView } from '../common/bridge-api.js';
import { ConnectivityReport } from './components/ConnectivityReport.js';
import { Page } from './components/Page.js';
import './styles.css';
import { mountWindow } from './window-root.js';

function CheckConnectionPage() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<ConnectivityView | null>(null);
  const [busy, setBusy] = useState(true);
  const [failed, setFailed] = useState(false);
  const run = useCallback(() => {
    setBusy(true);
    window.deskside.checkConnection().then(
      (result) => {
        setCheck(result);
        setFailed(false);
        setBusy(false);
      },
      () => {
        setFailed(true);
        setBusy(false);
      },
    );
  }, []);
  useEffect(run, [run]);
  return (
    <Page title={t('connection.title')}>
      <div aria-live="polite" aria-busy={busy}>
        {busy && <p className="muted">{t('connection.checking')}</p>}
        {failed && !busy && (
          <div className="error-summary" role="alert">
            <h2>{t('app.errorSummaryTitle')}</h2>
            <p>{t('connection.failed')}</p>
          </div>
        )}
        {check && !busy && <ConnectivityReport check={check} verdict />}
      </div>
      <div className="actions">
        <button type="button" className="button secondary" onClick={run} disabled={busy} data-testid="check-again">
          {t('connection.again')}
        </button>
      </div>
    </Page>
  );
}

mountWindow(<CheckConnectionPage />);
