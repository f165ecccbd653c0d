import type { ConnectionState } from '../api/socket.js';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  refused: 'Disconnected',
};

/** Whether what is on screen is live. A polite live region, so screen readers hear the change. */
export function ConnectionIndicator({ state, detail }: { state: ConnectionState; detail?: string | undefined }) {
  return (
    <span
      className={`connection connection-${state}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
      aria-live="polite"
      title={detail ?? (state === 'live' ? 'Changes appear as they happen' : undefined)}
    >
      <span className="connection-dot" aria-hidden="true" />
      {TEXT[state]}
    </span>
  );
}
