import type { ConnectivityCheck, DiagnosticsBundle, Requester, Satisfaction } from '@deskside/protocol';
import type { LocalParams } from '@deskside/protocol/local-ipc';
import { toMyTicket, type LocalTicket, type MyTicket } from '../tickets/my-ticket.js';
import { InvalidTicketError, type TicketDraft } from '../tickets/ticket-queue.js';
import type { TicketChangeListener } from '../tickets/ticket-sync.js';
import type { PeerUser } from './peer-proof.js';

/** The slice of agent-core's `TicketDesk` the service shares between its users' trays. */
export interface SharedDesk {
  store: { list(): Promise<LocalTicket[]>; get(id: string): Promise<LocalTicket | null> };
  create(draft: TicketDraft, requester?: Requester): Promise<MyTicket>;
  reply(ticketId: string, body: string): Promise<MyTicket>;
  confirm(ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicket>;
  rate(ticketId: string, rating: Satisfaction, comment: string | null): Promise<MyTicket>;
  diagnostics(): Promise<DiagnosticsBundle>;
  checkConnection(): Promise<ConnectivityCheck>;
  onChange(listener: TicketChangeListener): () => void;
}

/**
 * One user's view of the shared desk: only the tickets that user asked for (by OS login), and
 * tickets are created in that user's name. A ticket the hub sent that this PC did not create has
 * no owner and shows to no one here (the hub's employee view does not say who asked).
 */
export class UserTickets {
  constructor(
    private readonly desk: SharedDesk,
    private readonly user: PeerUser,
  ) {}

  async list(): Promise<MyTicket[]> {
    return (await this.desk.store.list()).filter((t) => this.owns(t)).map(toMyTicket);
  }

  async hasOpen(): Promise<boolean> {
    return (await this.list()).some((t) => t.delivery !== 'failed' && ['new', 'open', 'pending'].includes(t.status));
  }

  async create(params: LocalParams<'tickets.create'>): Promise<MyTicket> {
    const diagnostics = params.includeDiagnostics ? await this.diagnostics() : null;
    const draft: TicketDraft = { ...params, diagnostics, screenshot: params.screenshot };
    return this.desk.create(draft, { name: this.user.name, username: this.user.name, email: null });
  }

  async reply(ticketId: string, body: string): Promise<MyTicket> {
    const ticket = await this.desk.store.get(ticketId);
    // Another user's ticket answers exactly like a missing one.
    if (!ticket || !this.owns(ticket)) throw new InvalidTicketError(['ticketId']);
    return this.desk.reply(ticketId, body);
  }

  async confirm(ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicket> {
    const ticket = await this.desk.store.get(ticketId);
    if (!ticket || !this.owns(ticket)) throw new InvalidTicketError(['ticketId']);
    return this.desk.confirm(ticketId, fixed, comment);
  }

  async rate(ticketId: string, rating: Satisfaction, comment: string | null): Promise<MyTicket> {
    const ticket = await this.desk.store.get(ticketId);
    if (!ticket || !this.owns(ticket)) throw new InvalidTicketError(['ticketId']);
    return this.desk.rate(ticketId, rating, comment);
  }

  /** The diagnostics bundle, naming this user rather than the service's account. */
  async diagnostics(): Promise<DiagnosticsBundle> {
    const bundle = await this.desk.diagnostics();
    return { ...bundle, summary: { ...bundle.summary, user: this.user.name } };
  }

  checkConnection(): Promise<ConnectivityCheck> {
    return this.desk.checkConnection();
  }

  /** Changes to this user's tickets only. */
  onChange(listener: (ticket: MyTicket) => void): () => void {
    return this.desk.onChange((event) => {
      void this.desk.store.get(event.ticket.id).then((t) => {
        if (t && this.owns(t)) listener(event.ticket);
      });
    });
  }

  private owns(ticket: LocalTicket): boolean {
    return ticket.owner !== undefined && ticket.owner !== null && ticket.owner === this.user.name;
  }
}
