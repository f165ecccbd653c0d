import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_CATEGORIES, type SubmitTicketResult, type TicketCategory, type TicketLevel } from '../../common/bridge-api.js';
import { IMPACT_CHOICES, URGENCY_CHOICES, validateHelpForm, type FormProblem } from '../help-form.js';
import { DiagnosticsPanel } from './DiagnosticsPanel.js';
import { ErrorSummary } from './ErrorSummary.js';
import { describedBy, Field, Radios } from './fields.js';
import { ArticleSolved } from './ArticleSolved.js';
import { HelpResult } from './HelpResult.js';
import { ScreenshotPanel } from './ScreenshotPanel.js';
import { SuggestedArticles } from './SuggestedArticles.js';

type Sending = { state: 'editing' } | { state: 'sending' } | { state: 'done'; result: SubmitTicketResult } | { state: 'failed' } | { state: 'solved' };

/**
 * Get help: the employee's own words first (what is wrong, how much it stops them), then what goes
 * with it (screenshot, files, computer information), then one button.
 */
export function GetHelpForm() {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<TicketCategory>('other');
  const [urgency, setUrgency] = useState<TicketLevel>('medium');
  const [impact, setImpact] = useState<TicketLevel>('low');
  const [hasScreenshot, setHasScreenshot] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState<Sending>({ state: 'editing' });
  const onScreenshot = useCallback((present: boolean) => setHasScreenshot(present), []);
  // Help articles opened before asking: the technician sees what the employee already tried.
  const [articlesRead, setArticlesRead] = useState<string[]>([]);
  const onRead = useCallback((id: string) => setArticlesRead((read) => (read.includes(id) ? read : [...read, id].slice(-10))), []);
  const onSolved = useCallback(() => setSending({ state: 'solved' }), []);

  const message = (p: FormProblem) => t(`getHelp.errors.${p.message}`, { max: p.max });
  const errorOf = (field: FormProblem['field']) => {
    const found = problems.find((p) => p.field === field);
    return found ? message(found) : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateHelpForm({ subject, description });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setSending({ state: 'sending' });
    window.deskside.submitTicket({ subject, description, category, urgency, impact, includeScreenshot: hasScreenshot, articlesRead }).then(
      (result) => setSending({ state: 'done', result }),
      () => setSending({ state: 'failed' }),
    );
  };

  const startOver = () => {
    setSubject('');
    setDescription('');
    setProblems([]);
    setArticlesRead([]);
    setSending({ state: 'editing' });
  };
  if (sending.state === 'solved') return <ArticleSolved onAnother={startOver} />;
  if (sending.state === 'done') {
    return (
      <HelpResult result={sending.result} onAnother={startOver} />
    );
  }

  const busy = sending.state === 'sending';
  const subjectError = errorOf('help-subject');
  const descriptionError = errorOf('help-description');
  return (
    <form onSubmit={submit} noValidate aria-busy={busy}>
      <ErrorSummary errors={problems.map((p) => ({ field: p.field, message: message(p) }))} attempt={attempt} />
      {sending.state === 'failed' && (
        <div className="error-summary" role="alert" data-testid="help-error">
          <h2>{t('app.errorSummaryTitle')}</h2>
          <p>{t('getHelp.errors.sendFailed')}</p>
        </div>
      )}
      <p className="lead">{t('getHelp.intro')}</p>
      <Field id="help-subject" label={t('getHelp.subject')} hint={t('getHelp.subjectHint')} error={subjectError}>
        <input
          type="text"
          id="help-subject"
          data-testid="help-subject"
          value={subject}
          maxLength={250}
          autoFocus
          autoComplete="off"
          aria-invalid={Boolean(subjectError)}
          aria-describedby={describedBy('help-subject', true, Boolean(subjectError))}
          onChange={(e) => setSubject(e.target.value)}
        />
      </Field>
      <Field id="help-description" label={t('getHelp.description')} hint={t('getHelp.descriptionHint')} error={descriptionError}>
        <textarea
          id="help-description"
          data-testid="help-description"
          rows={5}
          value={description}
          aria-invalid={Boolean(descriptionError)}
          aria-describedby={describedBy('help-description', true, Boolean(descriptionError))}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <SuggestedArticles subject={subject} onRead={onRead} onSolved={onSolved} />
      <Radios name="help-urgency" legend={t('getHelp.urgency')} value={urgency} choices={URGENCY_CHOICES.map(([v, k]) => [v, t(`getHelp.${k}`)])} onChange={setUrgency} />
      <Radios name="help-impact" legend={t('getHelp.impact')} value={impact} choices={IMPACT_CHOICES.map(([v, k]) => [v, t(`getHelp.${k}`)])} onChange={setImpact} />
      <Field id="help-category" label={t('getHelp.category')}>
        <select
          id="help-category"
          data-testid="help-category"
          value={category}
          onChange={(e) => {
            const chosen = TICKET_CATEGORIES.find((c) => c === e.target.value);
            if (chosen) setCategory(chosen);
          }}
        >
          {TICKET_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`getHelp.categories.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <h2>{t('screenshot.title')}</h2>
      <ScreenshotPanel onChange={onScreenshot} />
      <h2>{t('diagnostics.title')}</h2>
      <DiagnosticsPanel />
      <div className="actions">
        <button type="submit" className="button" data-testid="help-submit" disabled={busy}>
          {busy ? t('getHelp.sending') : t('getHelp.send')}
        </button>
      </div>
    </form>
  );
}
