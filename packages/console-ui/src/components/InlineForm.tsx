import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface InlineFormProps {
  /** The button that opens the form. */
  label: string;
  testId?: string;
  /** The submit button's words. */
  submitLabel: string;
  submitTestId?: string;
  disabled?: boolean;
  /** Whether the fields are complete enough to submit. */
  canSubmit: boolean;
  /** Resolves true when the hub took it: the form closes. */
  onSubmit: () => Promise<boolean>;
  onCancel?: () => void;
  children: ReactNode;
  primary?: boolean;
}

/** A button that opens a small form under it (Escape or Cancel closes it, focus back on the button). */
export function InlineForm({ label, testId, submitLabel, submitTestId, disabled, canSubmit, onSubmit, onCancel, children, primary }: InlineFormProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>('textarea, input, select')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    onCancel?.();
    trigger.current?.focus();
  };

  return (
    <div className="inline-form">
      <button
        ref={trigger}
        type="button"
        className={`button${primary ? ' button-primary' : ''}`}
        data-testid={testId}
        aria-expanded={open}
        aria-controls={id}
        disabled={disabled}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {label}
      </button>
      {open && (
        <form
          ref={form}
          id={id}
          className="inline-form-body"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
          onSubmit={(e) => {
            e.preventDefault();
            if (!canSubmit || busy) return;
            setBusy(true);
            void onSubmit().then((ok) => {
              setBusy(false);
              if (ok) close();
            });
          }}
        >
          {children}
          <div className="inline-form-actions">
            <button type="button" className="button button-quiet" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" data-testid={submitTestId} disabled={!canSubmit || busy}>
              {busy ? 'Working…' : submitLabel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
