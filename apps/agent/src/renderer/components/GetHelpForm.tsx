import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { SubmitTicketResult, TicketCategory, TicketLevel } from '../../common/bridge-api.js';
import { CATEGORY_LABELS, IMPACT_LABELS, URGENCY_LABELS, validateHelpForm, type FormErrors } from '../help-form.js';
import { DiagnosticsPanel } from './DiagnosticsPanel.js';
import { ScreenshotPanel } from './ScreenshotPanel.js';

type Sending = { state: 'editing' } | { state: 'sending' } | { state: 'done'; result: SubmitTicketResult } | { state: 'failed'; message: string };

/** The Get help form: subject, description, category, urgency, impact, screenshot, diagnostics. */
export function GetHelpForm() {
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<TicketCategory>('other');
  const [urgency, setUrgency] = useState<TicketLevel>('medium');
  const [impact, setImpact] = useState<TicketLevel>('low');
  const [hasScreenshot, setHasScreenshot] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [sending, setSending] = useState<Sending>({ state: 'editing' });
  const subjectRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const onScreenshot = useCallback((present: boolean) => setHasScreenshot(present), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateHelpForm({ subject, description });
    setErrors(found);
    if (found.subject) return subjectRef.current?.focus();
    if (found.description) return descriptionRef.current?.focus();
    setSending({ state: 'sending' });
    window.deskside.submitTicket({ subject, description, category, urgency, impact, includeScreenshot: hasScreenshot }).then(
      (result) => setSending({ state: 'done', result }),
      (error: unknown) => setSending({ state: 'failed', message: error instanceof Error ? error.message : 'The request could not be saved.' }),
    );
  };

  if (sending.state === 'done') {
    const { ticket, queued } = sending.result;
    return (
      <section role="status" data-testid="help-result" data-ticket-id={ticket.id} data-queued={String(queued)}>
        <h2>{queued ? 'Your request is queued' : 'Your request was sent'}</h2>
        <p>
          {queued
            ? 'Queued, will be sent when you are back online. You can close this window: nothing is lost.'
            : 'Your help desk has your request. You will get a notification when they answer.'}
        </p>
        <p className="muted">You can follow it in “My tickets” from the Deskside icon.</p>
      </section>
    );
  }

  const busy = sending.state === 'sending';
  return (
    <form onSubmit={submit} noValidate aria-describedby="help-intro">
      <p id="help-intro" className="muted">
        Tell your help desk what is wrong. Fields marked * are required.
      </p>
      <div className="field">
        <label htmlFor="help-subject">Subject *</label>
        <input
          id="help-subject"
          data-testid="help-subject"
          ref={subjectRef}
          value={subject}
          maxLength={250}
          autoFocus
          aria-invalid={Boolean(errors.subject)}
          aria-describedby={errors.subject ? 'help-subject-error' : undefined}
          onChange={(e) => setSubject(e.target.value)}
        />
        {errors.subject && (
          <p id="help-subject-error" className="error" role="alert">
            {errors.subject}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="help-description">What happens? *</label>
        <textarea
          id="help-description"
          data-testid="help-description"
          ref={descriptionRef}
          rows={6}
          value={description}
          aria-invalid={Boolean(errors.description)}
          aria-describedby={errors.description ? 'help-description-error' : undefined}
          onChange={(e) => setDescription(e.target.value)}
        />
        {errors.description && (
          <p id="help-description-error" className="error" role="alert">
            {errors.description}
          </p>
        )}
      </div>
      <div className="field-row">
        <Select id="help-category" label="Category" value={category} options={CATEGORY_LABELS} onChange={setCategory} />
        <Select id="help-urgency" label="How urgent is it?" value={urgency} options={URGENCY_LABELS} onChange={setUrgency} />
        <Select id="help-impact" label="Who is affected?" value={impact} options={IMPACT_LABELS} onChange={setImpact} />
      </div>
      <h2>Screenshot</h2>
      <ScreenshotPanel onChange={onScreenshot} />
      <h2>Computer information</h2>
      <DiagnosticsPanel />
      {sending.state === 'failed' && (
        <p className="error" role="alert" data-testid="help-error">
          {sending.message}
        </p>
      )}
      <button type="submit" data-testid="help-submit" disabled={busy}>
        {busy ? 'Sending…' : 'Send to the help desk'}
      </button>
    </form>
  );
}

function Select<T extends string>(props: { id: string; label: string; value: T; options: ReadonlyArray<[T, string]>; onChange: (value: T) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        data-testid={props.id}
        value={props.value}
        onChange={(e) => {
          const match = props.options.find(([value]) => value === e.target.value);
          if (match) props.onChange(match[0]);
        }}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
