import type { DeviceStatus } from '@deskside/protocol';
import { STATUS_ORDER, statusLabel } from '../format/status.js';
import { formatNumber } from '../format/relative-time.js';

export interface StatusCountsProps {
  counts: Record<DeviceStatus, number>;
  /** The status filter in force; its card is shown pressed. */
  active: DeviceStatus | 'all';
  onSelect: (status: DeviceStatus | 'all') => void;
}

/** The fleet at a glance: one card per status. Clicking a card filters the table to it (again: clears). */
export function StatusCounts({ counts, active, onSelect }: StatusCountsProps) {
  return (
    <ul className="status-counts" aria-label="Devices by status">
      {STATUS_ORDER.map((status) => (
        <li key={status}>
          <button
            type="button"
            className={`status-count status-${status}`}
            aria-pressed={active === status}
            data-testid="status-count"
            data-status={status}
            onClick={() => onSelect(active === status ? 'all' : status)}
          >
            <span className="status-count-value">{formatNumber(counts[status])}</span>
            <span className="status-count-label">
              <span className="status-dot" aria-hidden="true" />
              {statusLabel(status)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
