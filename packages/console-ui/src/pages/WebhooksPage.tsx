import { WEBHOOK_EVENTS, type WebhookDelivery, type WebhookEventName } from '@deskside/protocol';
import { useCallback, useState, type FormEvent } from 'react';
import type { IntegrationsApi, NewWebhook } from '../api/integrations-api.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { SafeText } from '../components/SafeText.js';
import { errorText, useAdminLoad } from './use-admin-load.js';

const EMPTY: NewWebhook = { label: '', url: '', format: 'deskside', events: [] };

/** `#/admin/webhooks`: event subscriptions, each with its delivery log and "Send test". */
export function WebhooksPage({ api }: { api: IntegrationsApi }) {
  const hooks = useAdminLoad(useCallback(() => api.webhooks(), [api]));
  const [form, setForm] = useState<NewWebhook>(EMPTY);
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.events.length === 0) return setMessage('Choose at least one event.');
    try {
      const answer = await api.createWebhook(form);
      setSecret(answer.webhook.format === 'deskside' ? answer.secret : null);
      setMessage(null);
      setForm(EMPTY);
      hooks.reload();
      setOpen(answer.webhook.id);
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };
  const remove = async (id: string) => {
    try {
      await api.deleteWebhook(id);
      hooks.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };
  const toggle = (e: WebhookEventName) => setForm({ ...form, events: form.events.includes(e) ? form.events.filter((x) => x !== e) : [...form.events, e] });

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <p>
        Tell other systems when something happens. <strong>Deskside JSON</strong> deliveries are signed (<code>X-Deskside-Signature</code>, HMAC-SHA256
        with a timestamp; how to verify is in the <a href="#/api">API reference</a>); <strong>Slack</strong> and <strong>Teams</strong> get a short message.
        Failed deliveries are retried with backoff, 8 times.
      </p>
      {(message ?? hooks.error) !== null && <p role="status" className="form-error"><SafeText value={message ?? hooks.error ?? ''} /></p>}
      {secret !== null && (
        <div className="notice" role="status" data-testid="new-webhook-secret">
          <p>Signing secret: copy it into your receiver now; it is not shown again.</p>
          <code>{secret}</code>{' '}
          <button type="button" className="button button-quiet" onClick={() => void navigator.clipboard?.writeText(secret)}>Copy</button>
        </div>
      )}
      {hooks.data === null && hooks.error === null && <p aria-busy="true">Loading webhooks…</p>}
      {hooks.data?.length === 0 && <p data-testid="no-webhooks">No webhooks yet. Add one below, for example a Slack channel for new tickets.</p>}
      {(hooks.data ?? []).map((h) => (
        <article key={h.id} className="panel webhook" data-testid="webhook">
          <header className="webhook-head">
            <h2><SafeText value={h.label} /></h2>
            <span className="tag">{h.format}</span> <code>{h.urlHost}</code>
          </header>
          <p>Events: {h.events.join(', ')}</p>
          <p>
            <button type="button" className="button button-quiet" onClick={() => setOpen(open === h.id ? null : h.id)} aria-expanded={open === h.id}>
              {open === h.id ? 'Hide deliveries' : 'Deliveries'}
            </button>{' '}
            <button type="button" className="button button-quiet" onClick={() => void remove(h.id)}>Delete</button>
          </p>
          {open === h.id && <DeliveryLog api={api} id={h.id} />}
        </article>
      ))}
      <h2>New webhook</h2>
      <form className="admin-form" onSubmit={(e) => void create(e)} data-testid="create-webhook">
        <label>Label <input required maxLength={128} value={form.label} placeholder="Ops bridge" onChange={(e) => setForm({ ...form, label: e.target.value })} /></label>
        <label>URL <input required type="url" maxLength={2048} value={form.url} placeholder="https://…" onChange={(e) => setForm({ ...form, url: e.target.value })} /></label>
        <label>
          Format{' '}
          <select value={form.format} onChange={(e) => setForm({ ...form, format: e.target.value as NewWebhook['format'] })}>
            <option value="deskside">Deskside JSON (signed)</option>
            <option value="slack">Slack</option>
            <option value="teams">Microsoft Teams</option>
          </select>
        </label>
        <fieldset>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e}><input type="checkbox" checked={form.events.includes(e)} onChange={() => toggle(e)} /> <code>{e}</code></label>
          ))}
        </fieldset>
        <button type="submit" className="button">Add webhook</button>
      </form>
    </section>
  );
}

/** The newest deliveries of one webhook, with "Send test". */
function DeliveryLog({ api, id }: { api: IntegrationsApi; id: string }) {
  const log = useAdminLoad(useCallback(() => api.deliveries(id), [api, id]));
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const now = Date.now();
  const sendTest = async () => {
    setTesting(true);
    try {
      const d = await api.sendTest(id);
      setResult(d.status === 'sent' ? `Test delivered (HTTP ${d.lastStatus ?? ''}).` : `Test not delivered: ${d.lastError ?? 'no answer'}. It will be retried.`);
    } catch (caught) {
      setResult(errorText(caught));
    }
    setTesting(false);
    log.reload();
  };
  return (
    <div data-testid="delivery-log">
      <p>
        <button type="button" className="button" disabled={testing} onClick={() => void sendTest()}>{testing ? 'Sending…' : 'Send test'}</button>{' '}
        {result !== null && <span role="status" data-testid="test-result"><SafeText value={result} /></span>}
      </p>
      {log.error !== null && <p role="alert"><SafeText value={log.error} /></p>}
      {log.data?.length === 0 && <p>Nothing sent yet.</p>}
      {(log.data?.length ?? 0) > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th>When</th><th>Event</th><th>Outcome</th><th className="num">Attempts</th><th>Last answer</th></tr></thead>
            <tbody>{(log.data ?? []).map((d) => <DeliveryRow key={d.id} d={d} now={now} />)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DeliveryRow({ d, now }: { d: WebhookDelivery; now: number }) {
  const outcome = d.status === 'sent' ? 'Delivered' : d.status === 'dead' ? 'Gave up' : 'Retrying';
  return (
    <tr data-testid="delivery">
      <td><RelativeTime value={d.createdAt} now={now} /></td>
      <td><code>{d.event}</code></td>
      <td className={`delivery-${d.status}`}>{outcome}{d.status === 'pending' && d.attempts > 0 ? <> (next <RelativeTime value={d.nextAttemptAt} now={now} />)</> : null}</td>
      <td className="num">{d.attempts}</td>
      <td><SafeText value={d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? '—')} /></td>
    </tr>
  );
}
