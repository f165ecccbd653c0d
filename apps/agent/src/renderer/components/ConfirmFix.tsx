import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BODY_MAX_CHARS, type MyTicketView } from '../../common/bridge-api.js';
import { describedBy, Field } from './fields.js';

type Step = { kind: 'ask' } | { kind: 'not-fixed' } | { kind: 'saving' };

/**
 * "Is this fixed?" after a technician resolved the request: two plain buttons; "No" asks what is
 * still wrong (required) and reopens the request with it.
 */
export function ConfirmFix({ ticket }: { ticket: MyTicketView }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'ask' });
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  const answer = (fixed: boolean, text: string | null) => {
    setStep({ kind: 'saving' });
    setError(null);
    window.deskside.confirmFix(ticket.id, fixed, text).then(
      () => undefined,
      () => {
        setError(t('confirm.failed'));
        setStep(fixed ? { kind: 'ask' } : { kind: 'not-fixed' });
      },
    );
  };
  const reopen = (event: FormEvent) => {
    event.preventDefault();
    const text = comment.trim();
    if (!text) return setError(t('confirm.commentMissing'));
    if (text.length > BODY_MAX_CHARS) return setError(t('tickets.answerTooLong', { max: BODY_MAX_CHARS }));
    answer(false, text);
  };
  const busy = step.kind === 'saving';

  return (
    <section className="confirm-box" aria-labelledby="confirm-title" data-testid="confirm-fix">
      <h2 id="confirm-title">{t('confirm.question')}</h2>
      <p>{t('confirm.intro', { name: ticket.resolvedBy ?? t('tickets.helpDesk') })}</p>
      {step.kind !== 'not-fixed' && !(busy && comment) ? (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => answer(true, null)} data-testid="confirm-yes">
            {t('confirm.yes')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => setStep({ kind: 'not-fixed' })} data-testid="confirm-no">
            {t('confirm.no')}
          </button>
        </div>
      ) : (
        <form onSubmit={reopen} noValidate aria-busy={busy}>
          <Field id="confirm-comment" label={t('confirm.noLabel')} hint={t('confirm.noHint')} error={error ?? undefined}>
            <textarea
              id="confirm-comment"
              data-testid="confirm-comment"
              rows={3}
              autoFocus
              value={comment}
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy('confirm-comment', true, Boolean(error))}
              onChange={(e) => setComment(e.target.value)}
            />
          </Field>
          <button type="submit" className="button" disabled={busy} data-testid="confirm-reopen">
            {t('confirm.reopen')}
          </button>
        </form>
      )}
      {error && step.kind === 'ask' && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {ticket.confirmDays !== null && <p className="muted">{t('confirm.autoClose', { count: ticket.confirmDays })}</p>}
    </section>
  );
}
