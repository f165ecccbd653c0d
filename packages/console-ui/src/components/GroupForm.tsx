import { GroupKindSchema, LifecycleSchema, type GroupCreate } from '@deskside/protocol';
import { useId, useState, type FormEvent } from 'react';
import { SafeText } from './SafeText.js';
import { GROUP_KIND_LABELS, GROUP_TEXT_MAX, validateGroupDraft, type GroupDraft, type GroupField, type GroupFormErrors } from '../format/group-form.js';

export interface GroupFormProps {
  initial: GroupDraft;
  submitLabel: string;
  /** Resolves when saved; rejects with a message shown under the form. */
  onSubmit: (value: GroupCreate) => Promise<void>;
  onCancel?: () => void;
}

/** Name, kind and the saved filter of a group, checked by the protocol's rules before it is sent. */
export function GroupForm({ initial, submitLabel, onSubmit, onCancel }: GroupFormProps) {
  const [draft, setDraft] = useState<GroupDraft>(initial);
  const [errors, setErrors] = useState<GroupFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const base = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateGroupDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(result.value);
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : 'The group was not saved.');
    } finally {
      setBusy(false);
    }
  };

  const text = (field: Exclude<GroupField, 'filter'>, label: string, testId?: string) => {
    const id = `${base}-${field}`;
    const error = errors[field];
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          data-testid={testId ?? `group-${field}`}
          value={draft[field]}
          maxLength={GROUP_TEXT_MAX + 1}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
        />
        {error && (
          <span className="field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form className="group-form" onSubmit={(e) => void submit(e)} noValidate aria-label={submitLabel}>
      {text('name', 'Name', 'group-name')}
      <div className="field">
        <label htmlFor={`${base}-kind`}>Kind</label>
        <select
          id={`${base}-kind`}
          data-testid="group-kind"
          value={draft.kind}
          onChange={(e) => {
            const kind = GroupKindSchema.safeParse(e.target.value);
            if (kind.success) setDraft({ ...draft, kind: kind.data });
          }}
        >
          {GroupKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {GROUP_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="group-filter" aria-describedby={errors.filter ? `${base}-filter-error` : undefined}>
        <legend>Devices in this group</legend>
        <div className="asset-grid">
        {text('department', draft.kind === 'department' ? 'Department (required)' : 'Department', 'group-department')}
        {text('location', draft.kind === 'location' ? 'Location (required)' : 'Location', 'group-location')}
        {text('q', 'Search (hostname, OS, CPU, IP)', 'group-q')}
        <div className="field">
          <label htmlFor={`${base}-lifecycle`}>Lifecycle</label>
          <select
            id={`${base}-lifecycle`}
            data-testid="group-lifecycle"
            value={draft.lifecycle}
            onChange={(e) => {
              const lifecycle = LifecycleSchema.safeParse(e.target.value);
              setDraft({ ...draft, lifecycle: lifecycle.success ? lifecycle.data : '' });
            }}
          >
            <option value="">Any</option>
            {LifecycleSchema.options.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        </div>
        {errors.filter && (
          <span className="field-error" id={`${base}-filter-error`}>
            {errors.filter}
          </span>
        )}
      </fieldset>
      <p className="form-actions">
        <button type="submit" className="button button-primary" data-testid="group-save" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </p>
      {failure && (
        <p role="alert" className="error-text" data-testid="group-form-error">
          <SafeText value={failure} />
        </p>
      )}
    </form>
  );
}
