import type { Attachment } from '@deskside/protocol';
import { useEffect, useRef, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { formatBytes } from '../format/bytes.js';
import { ticketErrorText } from '../format/ticket-errors.js';

/**
 * A screenshot of the ticket: fetched with the bearer header as a blob (no token in any URL),
 * type-checked by the client, shown from an object URL that is revoked when the view goes away
 * (the hub's CSP allows `img-src blob:`). Click to enlarge in a modal <dialog>; Escape, the Close
 * button or a click outside closes it.
 */
export function ScreenshotView({ api, ticketId, attachment }: { api: HttpClient; ticketId: string; attachment: Attachment }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    api.getTicketAttachment(ticketId, attachment.id).then(
      (blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      (err: unknown) => !cancelled && setError(ticketErrorText(err, 'Loading the screenshot')),
    );
    return () => {
      cancelled = true;
      if (objectUrl !== null) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [api, ticketId, attachment.id]);

  const size = attachment.width !== null && attachment.height !== null ? `${attachment.width} × ${attachment.height}, ` : '';
  if (error !== null) return <p className="form-error">{error}</p>;
  if (url === null) return <p className="muted screenshot-loading">Loading screenshot…</p>;
  return (
    <figure className="screenshot">
      <button type="button" className="screenshot-thumb" data-testid="ticket-screenshot" onClick={() => dialog.current?.showModal()}>
        <img src={url} alt="Screenshot the employee attached (click to enlarge)" />
      </button>
      <figcaption className="muted">
        {size}
        {formatBytes(attachment.bytes)}
      </figcaption>
      <dialog ref={dialog} className="screenshot-dialog" aria-label="Screenshot" data-testid="ticket-screenshot-dialog" onClick={(e) => e.target === dialog.current && dialog.current.close()}>
        <form method="dialog" className="screenshot-dialog-bar">
          <button type="submit" className="button" autoFocus>
            Close
          </button>
        </form>
        <img src={url} alt="Screenshot the employee attached, full size" />
      </dialog>
    </figure>
  );
}
