import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FixDecision, PendingFixView } from '../../common/bridge-api.js';
import { formatTime } from '../format.js';

type Load = { kind: 'loading' } | { kind: 'loaded'; pending: PendingFixView[] };

/**
 * The help desk asks to run a fix: what will happen (in plain words), who asks and why (the
 * ticket), until when; Yes / Not now / No. One question at a time; nothing runs without "Yes".
 */
export function FixConsent() {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const show = (pending: PendingFixView[]) => {
      if (!live) return;
      setLoad({ kind: 'loaded', pending });
      if (pending.length > 0) setAnswered(false);
    };
    const off = window.deskside.onPendingFixes(show);
    window.deskside.listPendingFixes().then(show, () => show([]));
    return () => {
      live = false;
      off();
    };
  }, []);

  const answer = (fix: PendingFixView, decision: FixDecision) => {
    setBusy(true);
    setError(null);
    window.deskside.answerFix(fix.runId, decision).then(
      () => {
        setBusy(false);
        setAnswered(true);
      },
      () => {
        setBusy(false);
        setError(t('fixes.failed'));
      },
    );
  };

  if (load.kind === 'loading') return <p className="muted">{t('app.loading')}</p>;
  const fix = load.pending[0];
  if (!fix) {
    return (
      <p className="card" role="status" data-testid="fix-none">
        {answered ? t('fixes.answered') : t('fixes.none')}
      </p>
    );
  }
  const title = t(`fixes.actions.${fix.action}.title`, { defaultValue: fix.action });
  const description = t(`fixes.actions.${fix.action}.description`, { defaultValue: '' });
  // The service or application named (never the parameter's internal key).
  const named = Object.values(fix.params).filter((v): v is string => typeof v === 'string');
  return (
    <section className="card fix-consent" aria-labelledby="fix-what" data-testid="fix-consent">
      <p>{t('fixes.intro', { name: fix.requestedBy })}</p>
      <h2 id="fix-what" data-testid="fix-title">
        {title}
      </h2>
      <p data-testid="fix-description">{description}</p>
      {named.length > 0 && (
        <p className="muted" data-testid="fix-named">
          {t('fixes.details')}: {named.join(', ')}
        </p>
      )}
      <h3>{t('fixes.why')}</h3>
      <p data-testid="fix-reason">{fix.reason}</p>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => answer(fix, 'approve')} data-testid="fix-approve">
          {t('fixes.approve')}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => answer(fix, 'defer')} data-testid="fix-later">
          {t('fixes.later')}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => answer(fix, 'decline')} data-testid="fix-decline">
          {t('fixes.decline')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted">{t('fixes.answerBy', { time: formatTime(fix.answerBy, i18n.language) })}</p>
    </section>
  );
}
