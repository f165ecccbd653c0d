import type { DeviceStatus } from '@deskside/protocol';
import { statusLabel } from '../format/status.js';

/** Status as colour, a shape and a word: never colour alone. */
export function StatusBadge({ status, testId }: { status: DeviceStatus; testId?: string }) {
  return (
    <span className={`status-badge status-${status}`} data-status={status} data-testid={testId}>
      <span className="status-dot" aria-hidden="true" />
      {statusLabel(status)}
    </span>
  );
}
