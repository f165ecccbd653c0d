import { priorityOf, type Impact, type Priority, type Urgency } from '@deskside/protocol';

/** The ticket's priority: the protocol's ITIL impact × urgency matrix, the same the tray shows. */
export function ticketPriority(impact: Impact, urgency: Urgency): Priority {
  return priorityOf(impact, urgency);
}

const RANK: Record<Priority, number> = { P1: 0, P2: 1, P3: 2, P4: 3 };

/** Queue order: priority first, then the earliest SLA due time (none last), then the oldest. */
export function compareForQueue(
  a: { priority: Priority; dueAt: number | null; createdAt: number },
  b: { priority: Priority; dueAt: number | null; createdAt: number },
): number {
  return (
    RANK[a.priority] - RANK[b.priority] ||
    (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY) ||
    a.createdAt - b.createdAt
  );
}
