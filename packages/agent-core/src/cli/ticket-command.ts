import { join } from 'node:path';
import { userInfo } from 'node:os';
import { monotonicIds, type Impact, type TicketCategory, type Urgency } from '@deskside/protocol';
import { defaultStateDir } from '../identity/state-dir.js';
import { OutboxAppender } from '../outbox/outbox-appender.js';
import { MyTicketsStore } from '../tickets/my-tickets-store.js';
import { osRequester } from '../tickets/requester.js';
import { InvalidTicketError, TicketQueue } from '../tickets/ticket-queue.js';
import { errorMessage } from '../util/with-timeout.js';
import type { CliIo } from './cli-io.js';

export interface TicketArgs {
  subject: string;
  description: string;
  urgency: Urgency;
  impact: Impact;
  category: TicketCategory;
  stateDir: string | undefined;
}

/**
 * `deskside-agent ticket`: queues a ticket in the agent's outbox directory and in its "My tickets",
 * and exits. Safe while `deskside-agent run` uses the same state dir: the item is added as one
 * new file, which the running agent picks up on its next drain. Requester: the OS user.
 */
export async function ticketCommand(args: TicketArgs, io: CliIo, now: () => number = Date.now): Promise<number> {
  const stateDir = args.stateDir ?? defaultStateDir();
  const queue = new TicketQueue({
    outbox: new OutboxAppender(join(stateDir, 'outbox'), now),
    store: new MyTicketsStore(stateDir),
    now,
    newId: monotonicIds(now),
    requester: () => osRequester(userInfo),
  });
  try {
    const ticket = await queue.create({
      subject: args.subject,
      description: args.description,
      category: args.category,
      impact: args.impact,
      urgency: args.urgency,
      diagnostics: null,
      screenshot: null,
    });
    io.stdout(`${ticket.id} queued\n`);
    return 0;
  } catch (e) {
    if (e instanceof InvalidTicketError) {
      io.stderr(`deskside-agent: the ticket is not valid (${e.fields.join(', ')}); subject ≤ 200 characters, description ≤ 16384\n`);
      return 2;
    }
    io.stderr(`deskside-agent: could not queue the ticket: ${errorMessage(e)}\n`);
    return 1;
  }
}
