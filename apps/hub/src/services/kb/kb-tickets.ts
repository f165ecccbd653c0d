import type { ArticleDraft, ConsoleSocketData, TicketKb } from '@deskside/protocol';
import { visibleTicket } from '../tickets/ticket-change.js';
import { technicianFilter } from './kb-access.js';
import type { KbDeps } from './kb-deps.js';
import { presentSummary } from './kb-presenters.js';

type User = Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'>;

/** The knowledge base beside a ticket: a draft from it, suggested articles, articles tied to it. */
export interface KbTickets {
  draftFrom(user: User, ticketId: string): Promise<ArticleDraft>;
  /** Articles matching the ticket's subject and description, best first (technicians see every audience). */
  suggestFor(user: User, ticketId: string): Promise<TicketKb>;
  /** Records that a technician linked an article in a reply to this ticket. */
  linkedInReply(user: User, ticketId: string, articleId: string): Promise<void>;
}

const SUGGESTIONS = 5;

export function createKbTickets(deps: KbDeps): KbTickets {
  const { store, clock } = deps;
  return {
    async draftFrom(user, ticketId) {
      const ticket = await visibleTicket(store, user, ticketId);
      const events = await store.ticketEvents.listForTickets([ticket.id]);
      const resolution = events
        .filter((e) => e.type === 'status-changed' && e.to === 'resolved' && e.body)
        .map((e) => e.body ?? '')
        .at(-1);
      const replies = events.filter((e) => e.type === 'reply' && e.visibility === 'public' && e.actor.type === 'technician' && e.body).map((e) => e.body ?? '');
      const solution = resolution ?? replies.at(-1) ?? '';
      const body = [`## Problem`, '', ticket.description.trim(), '', `## Solution`, '', solution.trim() || '_Describe the steps that solved it._', ''].join('\n');
      return { title: ticket.subject.slice(0, 200), body, sourceTicketId: ticket.id };
    },
    async suggestFor(user, ticketId) {
      const ticket = await visibleTicket(store, user, ticketId);
      const filter = { ...technicianFilter(user), statuses: ['published' as const] };
      const text = `${ticket.subject} ${ticket.description.slice(0, 500)}`;
      const hits = await store.kbArticles.search(text, filter, SUGGESTIONS);
      const links = await store.kbActivity.ticketLinks(ticket.id);
      const linkedRecords = await store.kbArticles.findMany(links.map((l) => l.articleId));
      const counts = await store.kbActivity.counts([...hits.map((h) => h.article.id), ...linkedRecords.map((r) => r.id)]);
      const byId = new Map(linkedRecords.map((r) => [r.id, r]));
      return {
        suggested: hits.map((h) => presentSummary(h.article, counts.get(h.article.id))),
        linked: links.flatMap((l) => {
          const r = byId.get(l.articleId);
          return r ? [{ ...presentSummary(r, counts.get(r.id)), relation: l.relation }] : [];
        }),
      };
    },
    async linkedInReply(user, ticketId, articleId) {
      const ticket = await visibleTicket(store, user, ticketId);
      const article = await store.kbArticles.findById(articleId);
      if (article) await store.kbActivity.linkTicket(article.id, ticket.id, 'linked-in-reply', clock());
    },
  };
}
