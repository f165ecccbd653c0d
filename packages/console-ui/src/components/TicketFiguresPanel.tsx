import type { Priority } from '@deskside/protocol';
import { PriorityBadge } from './PriorityBadge.js';
import type { TicketFigures } from '../state/ticket-figures.js';

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/** The overview's ticket card: open, unassigned, mine, late, and open tickets per priority. */
export function TicketFiguresPanel({ figures, loaded }: { figures: TicketFigures; loaded: boolean }) {
  const cells: [string, number, string, string][] = [
    ['Open', figures.open, '#/tickets', 'ticket-fig-open'],
    ['Unassigned', figures.unassigned, '#/tickets?view=unassigned', 'ticket-fig-unassigned'],
    ['Mine', figures.mine, '#/tickets?view=mine', 'ticket-fig-mine'],
    ['SLA breached', figures.breached, '#/tickets?view=breached', 'ticket-fig-breached'],
  ];
  return (
    <section className="panel overview-panel" aria-labelledby="tickets-fig-title" data-testid="overview-tickets">
      <div className="panel-head">
        <h2 id="tickets-fig-title">Tickets</h2>
        <a href="#/tickets">Ticket queue</a>
      </div>
      {!loaded ? (
        <div className="skeleton skeleton-block-sm" aria-label="Loading ticket figures" role="status" />
      ) : (
        <>
          <div className="figure-grid">
            {cells.map(([label, value, href, testId]) => (
              <a key={label} className={`figure${label === 'SLA breached' && value > 0 ? ' figure-alarm' : ''}`} href={href} data-testid={testId}>
                <span className="figure-value">{value}</span>
                <span className="figure-label">{label}</span>
              </a>
            ))}
          </div>
          <p className="figure-note">
            {figures.breachingSoon > 0 ? `${figures.breachingSoon} due soon · ` : ''}
            {figures.pending} waiting on the requester
          </p>
          <ul className="figure-priorities" aria-label="Open tickets by priority">
            {PRIORITIES.map((p) => (
              <li key={p}>
                <PriorityBadge priority={p} /> <span className="figure-count">{figures.byPriority[p]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
