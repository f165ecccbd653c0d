import type { FixAction, FixActionId, FixParamDoc } from '@deskside/protocol';
import { useMemo, useState, type FormEvent } from 'react';

export interface FixRequestFormProps {
  actions: readonly FixAction[];
  /** Why requesting is not possible now (device offline, a fix under way), or null. */
  blocked: string | null;
  busy: boolean;
  onRequest: (action: FixActionId, params: Record<string, unknown>) => Promise<boolean>;
}

type Values = Record<string, string | boolean>;

function initialValues(action: FixAction | undefined): Values {
  const values: Values = {};
  for (const p of action?.params ?? []) {
    if (p.kind === 'boolean') values[p.name] = p.default === true;
    else if (p.kind === 'choice') values[p.name] = p.choices?.[0] ?? '';
    else values[p.name] = p.default === undefined ? '' : String(p.default);
  }
  return values;
}

function toParams(docs: readonly FixParamDoc[], values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of docs) {
    const v = values[p.name];
    out[p.name] = p.kind === 'integer' ? Number(v) : p.kind === 'boolean' ? v === true : String(v ?? '').trim();
  }
  return out;
}

/** Pick a fix from the catalogue, fill its bounded parameters, request it. */
export function FixRequestForm({ actions, blocked, busy, onRequest }: FixRequestFormProps) {
  const usable = useMemo(() => actions.filter((a) => a.allowed), [actions]);
  const [actionId, setActionId] = useState<FixActionId | ''>(usable[0]?.id ?? '');
  const action = usable.find((a) => a.id === actionId);
  const [values, setValues] = useState<Values>(() => initialValues(action));

  const choose = (id: FixActionId) => {
    setActionId(id);
    setValues(initialValues(usable.find((a) => a.id === id)));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    await onRequest(action.id, toParams(action.params, values));
  };
  const missingChoice = action?.params.some((p) => p.kind === 'choice' && (p.choices?.length ?? 0) === 0) ?? false;

  return (
    <form className="fix-form" onSubmit={(e) => void submit(e)} aria-label="Request a fix">
      <div className="field">
        <label htmlFor="fix-action">Action</label>
        <select id="fix-action" value={actionId} onChange={(e) => choose(e.target.value as FixActionId)} data-testid="fix-action">
          {usable.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
              {a.needsAdmin ? ' (needs the agent service)' : ''}
            </option>
          ))}
        </select>
      </div>
      {action && <p className="muted fix-description">{action.description}</p>}
      {action?.params.map((p) => (
        <ParamField key={`${action.id}-${p.name}`} doc={p} value={values[p.name]} onChange={(v) => setValues((old) => ({ ...old, [p.name]: v }))} />
      ))}
      {missingChoice && <p className="field-note">Nothing is approved for this fix yet: an administrator adds services and applications to the fix policy.</p>}
      <div className="fix-form-actions">
        <button type="submit" className="button button-primary" disabled={busy || blocked !== null || !action || missingChoice} data-testid="fix-request">
          {busy ? 'Requesting…' : 'Request fix'}
        </button>
        <span className="muted">{blocked ?? 'The employee is asked to approve it first.'}</span>
      </div>
    </form>
  );
}

function ParamField({ doc, value, onChange }: { doc: FixParamDoc; value: string | boolean | undefined; onChange: (v: string | boolean) => void }) {
  const id = `fix-param-${doc.name}`;
  if (doc.kind === 'boolean') {
    return (
      <label className="fix-check" htmlFor={id}>
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {doc.label}
      </label>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{doc.label}</label>
      {doc.kind === 'choice' ? (
        <select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
          {(doc.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={doc.kind === 'integer' ? 'number' : 'text'}
          required
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          {...(doc.min !== undefined ? { min: doc.min } : {})}
          {...(doc.max !== undefined ? { max: doc.max } : {})}
          {...(doc.kind === 'text' ? { maxLength: 64 } : {})}
        />
      )}
    </div>
  );
}
