import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { GroupsApi } from '../api/groups-api.js';
import { errorText } from '../pages/use-admin-load.js';
import { SafeText } from './SafeText.js';
import { THRESHOLDS, thresholdDraft, validateThresholds, type ThresholdDraft, type ThresholdField } from '../format/group-policy-form.js';

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; override: Record<string, unknown> | null };

/**
 * A group's health-policy override: the thresholds it sets (blank: the global value), saved with
 * PUT; "Use the global policy" drops the override (DELETE). Only admins may change policies.
 */
export function GroupPolicyPanel({ api, groupId, canEdit }: { api: GroupsApi; groupId: string; canEdit: boolean }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [draft, setDraft] = useState<ThresholdDraft>({});
  const [errors, setErrors] = useState<Partial<Record<ThresholdField, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();

  const show = useCallback((override: Record<string, unknown> | null) => {
    setLoad({ kind: 'ready', override });
    setDraft(thresholdDraft(override));
    setErrors({});
  }, []);

  useEffect(() => {
    let live = true;
    api.groupPolicy(groupId).then(
      (override) => live && show(override),
      (caught: unknown) => live && setLoad({ kind: 'error', message: errorText(caught) }),
    );
    return () => {
      live = false;
    };
  }, [api, groupId, show]);

  const run = async (action: () => Promise<Record<string, unknown> | null>, done: string) => {
    setBusy(true);
    try {
      show(await action());
      setMessage(done);
    } catch (caught) {
      setMessage(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateThresholds(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    // PUT replaces the override: keep what this form does not edit (disabled checks, hub-only fields).
    const current = load.kind === 'ready' && load.override ? load.override : {};
    const kept = Object.fromEntries(Object.entries(current).filter(([key]) => !THRESHOLDS.some((t) => t.field === key)));
    void run(() => api.setGroupPolicy(groupId, { ...kept, ...result.value }), 'Saved the group policy.');
  };
  const useGlobal = () => void run(async () => (await api.clearGroupPolicy(groupId), null), 'This group now follows the global policy.');

  return (
    <section className="panel" aria-labelledby={`${base}-title`} data-testid="group-policy">
      <h2 id={`${base}-title`}>Health policy</h2>
      {load.kind === 'loading' && <p className="muted">Loading…</p>}
      {load.kind === 'error' && (
        <p role="alert" className="error-text">
          <SafeText value={load.message} />
        </p>
      )}
      {load.kind === 'ready' && (
        <>
          <p data-testid="group-policy-state">
            {load.override === null ? 'This group follows the global policy.' : 'This group overrides the global policy; blank fields use the global value.'}
          </p>
          <form onSubmit={save} noValidate aria-label="Group health thresholds">
            <div className="asset-grid">
            {THRESHOLDS.map((spec) => {
              const id = `${base}-${spec.field}`;
              const error = errors[spec.field];
              return (
                <div className="field" key={spec.field}>
                  <label htmlFor={id}>{spec.label}</label>
                  <input
                    id={id}
                    inputMode="decimal"
                    data-testid={`group-policy-${spec.field}`}
                    value={draft[spec.field] ?? ''}
                    placeholder="global"
                    readOnly={!canEdit}
                    maxLength={16}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    onChange={(e) => setDraft({ ...draft, [spec.field]: e.target.value })}
                  />
                  {error && (
                    <span className="field-error" id={`${id}-error`}>
                      {error}
                    </span>
                  )}
                </div>
              );
            })}
            </div>
            {canEdit && (
              <p className="form-actions">
                <button type="submit" className="button button-primary" data-testid="group-policy-save" disabled={busy}>
                  Save thresholds
                </button>
                {load.override !== null && (
                  <button type="button" className="button" data-testid="group-policy-global" disabled={busy} onClick={useGlobal}>
                    Use the global policy
                  </button>
                )}
              </p>
            )}
          </form>
        </>
      )}
      {message && (
        <p role="status" data-testid="group-policy-message">
          <SafeText value={message} />
        </p>
      )}
    </section>
  );
}
