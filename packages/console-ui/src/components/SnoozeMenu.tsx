import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { defaultCustomSnooze, parseCustomSnooze, snoozeChoices } from '../format/snooze.js';

export interface SnoozeMenuProps {
  onSnooze: (until: string) => void;
  disabled?: boolean;
  /** For the button's accessible name: "Snooze disk space on pc-1". */
  label: string;
}

/**
 * Snooze button opening a small panel: 1 h, 4 h, tomorrow 08:00, or a custom date and time.
 * Keyboard: the first choice takes focus on open, Escape closes and gives focus back.
 */
export function SnoozeMenu({ onSnooze, disabled, label }: SnoozeMenuProps) {
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const now = Date.now();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector('button')?.focus();
    // A press anywhere else closes the menu, as menus do (focus is left where the press put it).
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && root.current?.contains(event.target)) return;
      setOpen(false);
      setError(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    setError(null);
    trigger.current?.focus();
  };
  const pick = (until: string) => {
    setOpen(false);
    setError(null);
    onSnooze(until);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  return (
    <div ref={root} className="snooze-menu" onKeyDown={onKeyDown}>
      <button
        ref={trigger}
        type="button"
        className="button"
        data-testid="alert-snooze"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        disabled={disabled}
        onClick={() => {
          if (open) return close();
          setCustom(defaultCustomSnooze(Date.now()));
          setOpen(true);
        }}
      >
        Snooze
      </button>
      {open && (
        <div ref={panel} id={panelId} className="popover" role="group" aria-label="Snooze for">
          {snoozeChoices(now).map((choice) => (
            <button key={choice.label} type="button" className="button button-quiet popover-item" data-testid="alert-snooze-option" onClick={() => pick(choice.until)}>
              {choice.label}
            </button>
          ))}
          <form
            className="snooze-custom"
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = parseCustomSnooze(custom, Date.now());
              if (parsed.ok) pick(parsed.until);
              else setError(parsed.message);
            }}
          >
            <label htmlFor={`${panelId}-custom`}>Until</label>
            <input
              id={`${panelId}-custom`}
              type="datetime-local"
              value={custom}
              aria-invalid={error !== null}
              aria-describedby={error ? `${panelId}-error` : undefined}
              onChange={(event) => setCustom(event.target.value)}
            />
            <button type="submit" className="button">
              Snooze
            </button>
          </form>
          {error && (
            <p id={`${panelId}-error`} className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
