import { useEffect, useId, useRef, useState } from 'react';

export interface ResolveButtonProps {
  onResolve: (note: string) => void;
  disabled?: boolean;
  /** For the button's accessible name. */
  label: string;
}

/** Largest resolution note the console sends (the protocol's long text bound is larger). */
const MAX_NOTE = 2000;

/** Resolve button opening an inline form for an optional note ("replaced the disk"). */
export function ResolveButton({ onResolve, disabled, label }: ResolveButtonProps) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  const cancel = () => {
    setOpen(false);
    setNote('');
    trigger.current?.focus();
  };

  return (
    <div className="resolve-control">
      <button
        ref={trigger}
        type="button"
        className="button"
        data-testid="alert-resolve"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        disabled={disabled}
        onClick={() => (open ? cancel() : setOpen(true))}
      >
        Resolve
      </button>
      {open && (
        <form
          id={id}
          className="popover resolve-form"
          aria-label="Resolve alert"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              cancel();
            }
          }}
          onSubmit={(event) => {
            event.preventDefault();
            setOpen(false);
            onResolve(note);
            setNote('');
          }}
        >
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <textarea
            ref={field}
            id={`${id}-note`}
            data-testid="alert-resolve-note"
            rows={3}
            maxLength={MAX_NOTE}
            value={note}
            placeholder="What fixed it?"
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="alert-resolve-confirm">
              Resolve
            </button>
            <button type="button" className="button button-quiet" onClick={cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
