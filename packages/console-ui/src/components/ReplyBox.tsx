import type { CannedResponse } from '@deskside/protocol';
import { useEffect, useId, useState } from 'react';
import { revealControlsText } from '../format/reveal-controls.js';

export interface ReplyBoxProps {
  canned: readonly CannedResponse[];
  busy: boolean;
  /** Closed tickets take no more replies. */
  disabled: boolean;
  /** Resolves true when the hub took it (the box then empties). */
  onReply: (body: string) => Promise<boolean>;
  onNote: (body: string) => Promise<boolean>;
  /** Text to append to the reply (an article reference); a new `seq` appends again. */
  inserted?: { text: string; seq: number } | undefined;
}

const MAX_BODY = 8000;

/** One box, two ways out: a public reply to the employee, or an internal note for technicians. */
export function ReplyBox({ canned, busy, disabled, onReply, onNote, inserted }: ReplyBoxProps) {
  const [body, setBody] = useState('');
  useEffect(() => {
    if (inserted) setBody((current) => (current.trim() === '' ? inserted.text : `${current}\n\n${inserted.text}`).slice(0, MAX_BODY));
  }, [inserted]);
  const id = useId();
  const empty = body.trim() === '';
  const send = (how: (body: string) => Promise<boolean>) => {
    void how(body.trim()).then((ok) => ok && setBody(''));
  };
  return (
    <form className="reply-box panel" aria-label="Reply or add a note" onSubmit={(e) => e.preventDefault()}>
      <div className="reply-tools">
        <label htmlFor={`${id}-body`}>Reply</label>
        {canned.length > 0 && (
          <select
            aria-label="Insert a canned response"
            data-testid="ticket-canned"
            value=""
            disabled={disabled}
            onChange={(e) => {
              const chosen = canned.find((c) => c.id === e.target.value);
              if (chosen) setBody((current) => (current.trim() === '' ? chosen.body : `${current}\n\n${chosen.body}`).slice(0, MAX_BODY));
            }}
          >
            <option value="">Canned responses…</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                {revealControlsText(c.title)}
              </option>
            ))}
          </select>
        )}
      </div>
      <textarea
        id={`${id}-body`}
        data-testid="ticket-reply-body"
        rows={5}
        maxLength={MAX_BODY}
        value={body}
        disabled={disabled}
        placeholder={disabled ? 'This ticket is closed.' : 'Write to the employee, or a note for technicians…'}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="reply-actions">
        <span className="muted reply-hint">Replies reach the employee’s tray; notes stay internal.</span>
        <button type="button" className="button" data-testid="ticket-note-send" disabled={busy || disabled || empty} onClick={() => send(onNote)}>
          Add internal note
        </button>
        <button type="button" className="button button-primary" data-testid="ticket-reply-send" disabled={busy || disabled || empty} onClick={() => send(onReply)}>
          Send reply
        </button>
      </div>
    </form>
  );
}
