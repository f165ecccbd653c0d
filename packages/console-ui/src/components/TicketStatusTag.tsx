import type { TicketStatus } from '@deskside/protocol';
import { TICKET_STATUS_LABELS } from '../format/ticket-text.js';

/** A ticket's status as a word on a tinted pill. */
export function TicketStatusTag({ status, testId }: { status: TicketStatus; testId?: string }) {
  return (
    <span className={`ticket-status ticket-status-${status}`} data-testid={testId} data-status={status}>
      {TICKET_STATUS_LABELS[status]}
    </span>
  );
}
