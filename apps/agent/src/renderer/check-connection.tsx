import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ConnectivityView } from '../common/bridge-api.js';
import { ConnectivityReport } from './components/ConnectivityReport.js';
import './styles.css';

function CheckConnectionPage() {
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
    <main>
      <h1>Check my connection</h1>
      <div aria-live="polite">
        {busy && <p className="muted">Checking…</p>}
        {failed && <p className="error">The check could not run.</p>}
        {check && !busy && <ConnectivityReport check={check} />}
      </div>
      <button type="button" onClick={run} disabled={busy}>
        Check again
      </button>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CheckConnectionPage />
    </StrictMode>,
  );
}
