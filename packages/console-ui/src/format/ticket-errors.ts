import { ApiError } from '../api/api-error.js';

/** What a technician reads when a ticket action or load did not go through. */
export function ticketErrorText(error: unknown, what = 'The action'): string {
  if (!(error instanceof ApiError)) return `${what} failed. Try again.`;
  switch (error.code) {
    case 'network':
      return 'Cannot reach the hub; nothing was changed. Try again.';
    case 'forbidden':
      return 'You are not allowed to do that.';
    case 'not_found':
      return 'This ticket does not exist, or you cannot see it.';
    case 'rate_limited':
      return 'Too many requests; wait a moment and try again.';
    case 'bad_response':
      return 'The hub sent an answer the console could not read.';
    default:
      // The hub's own sentence ("Ticket #1042 is closed.") says it best.
      return error.message;
  }
}
