import type { Priority } from '@deskside/protocol';
import { PRIORITY_LABELS } from '../format/ticket-text.js';

/** P1…P4 as a compact badge; the full label is the tooltip and the accessible name. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`priority-badge priority-${priority.toLowerCase()}`} title={PRIORITY_LABELS[priority]} data-priority={priority}>
      {priority}
    </span>
  );
}
