import { DevicePatchSchema, LifecycleSchema, type AssetFields, type DeviceAssetResponse } from '@deskside/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import type { AssetApi } from '../api/asset-api.js';
import { formatDateTime } from '../format/relative-time.js';
import { SafeText } from './SafeText.js';

type Draft = Record<keyof AssetFields, string>;

const FIELDS: ReadonlyArray<{ key: keyof AssetFields; label: string; type?: 'date' | 'textarea' | 'lifecycle'; max?: number }> = [
  { key: 'assetTag', label: 'Asset tag', max: 64 },
  { key: 'assignedTo', label: 'Assigned to', max: 128 },
  { key: 'department', label: 'Department', max: 128 },
  { key: 'location', label: 'Location', max: 128 },
  { key: 'purchaseDate', label: 'Purchase date', type: 'date' },
  { key: 'supplier', label: 'Supplier', max: 128 },
  { key: 'warrantyEnd', label: 'Warranty end', type: 'date' },
  { key: 'lifecycle', label: 'Lifecycle', type: 'lifecycle' },
  { key: 'notes', label: 'Notes', type: 'textarea', max: 4096 },
];

const LIFECYCLE_LABELS: Record<string, string> = { 'in-use': 'In use', 'in-stock': 'In stock', 'in-repair': 'In repair', retired: 'Retired' };

function toDraft(fields: AssetFields): Draft {
  return Object.fromEntries(FIELDS.map((f) => [f.key, fields[f.key] ?? ''])) as Draft;
}

/** The fields technicians keep for a device, an edit form, and who changed what last. */
export function AssetPanel({ api, deviceId }: { api: AssetApi; deviceId: string }) {
  const [data, setData] = useState<DeviceAssetResponse | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof AssetFields, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api.getAsset(deviceId).then(
      (answer) => live && (setData(answer), setDraft(toDraft(answer.asset))),
      (error: unknown) => live && setMessage(error instanceof Error ? error.message : 'Could not load the asset fields.'),
    );
    return () => {
      live = false;
    };
  }, [api, deviceId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !data) return;
    const changed = Object.fromEntries(FIELDS.filter((f) => draft[f.key] !== (data.asset[f.key] ?? '')).map((f) => [f.key, draft[f.key]]));
    if (Object.keys(changed).length === 0) {
      setMessage('Nothing to save.');
      return;
    }
    const parsed = DevicePatchSchema.safeParse(changed);
    if (!parsed.success) {
      const next: Partial<Record<keyof AssetFields, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (typeof key === 'string' && key in draft) next[key as keyof AssetFields] = issue.message;
      }
      setErrors(next);
      setMessage('Check the highlighted fields.');
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const answer = await api.patchAsset(deviceId, parsed.data);
      setData(answer);
      setDraft(toDraft(answer.asset));
      setMessage('Saved.');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'Could not save.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel asset-panel" aria-labelledby="asset-title" data-testid="asset-panel">
      <h2 id="asset-title">Asset</h2>
      {data?.asset.updatedBy && data.asset.updatedAt && (
        <p className="muted" data-testid="asset-last-edit">
          Last edited by <SafeText value={data.asset.updatedBy} /> on {formatDateTime(data.asset.updatedAt)}
        </p>
      )}
      {draft === null ? (
        <p className="muted">{message ?? 'Loading…'}</p>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate>
          <div className="asset-grid">
            {FIELDS.map((f) => {
              const id = `asset-${f.key}`;
              const error = errors[f.key];
              const common = {
                id,
                'data-testid': id,
                value: draft[f.key],
                'aria-invalid': error ? true : undefined,
                'aria-describedby': error ? `${id}-error` : undefined,
              };
              const set = (value: string) => setDraft({ ...draft, [f.key]: value });
              return (
                <div className={f.type === 'textarea' ? 'field field-wide' : 'field'} key={f.key}>
                  <label htmlFor={id}>{f.label}</label>
                  {f.type === 'textarea' ? (
                    <textarea {...common} rows={3} maxLength={f.max} onChange={(e) => set(e.target.value)} />
                  ) : f.type === 'lifecycle' ? (
                    <select {...common} onChange={(e) => set(e.target.value)}>
                      <option value="">Not set</option>
                      {LifecycleSchema.options.map((o) => (
                        <option key={o} value={o}>
                          {LIFECYCLE_LABELS[o] ?? o}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input {...common} type={f.type === 'date' ? 'date' : 'text'} maxLength={f.max} autoComplete="off" onChange={(e) => set(e.target.value)} />
                  )}
                  {error && (
                    <span className="field-error" id={`${id}-error`}>
                      {error}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
          <p>
            <button type="submit" className="button button-primary" data-testid="asset-save" disabled={saving}>
              {saving ? 'Saving…' : 'Save asset fields'}
            </button>{' '}
            {message && (
              <span role="status" data-testid="asset-message">
                {message}
              </span>
            )}
          </p>
        </form>
      )}
      {data && data.edits.length > 0 && (
        <details>
          <summary>Edit history ({data.edits.length})</summary>
          <ul className="asset-edits">
            {data.edits.map((e) => (
              <li key={e.id}>
                {formatDateTime(e.at)} · <SafeText value={e.by} /> · {e.field}: <SafeText value={e.before ?? '—'} /> → <SafeText value={e.after ?? '—'} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
