import type { ConnectionState } from '../api/socket.js';
import { useT } from '../i18n/i18n.js';

/** Whether what is on screen is live. A polite live region, so screen readers hear the change. */
export function ConnectionIndicator({ state, detail }: { state: ConnectionState; detail?: string | undefined }) {
  const t = useT();
  return (
    <span
      className={`connection connection-${state}`}
      data-testid="connection-state"
      data-state={state}
      role="status"
      aria-live="polite"
      title={detail ?? (state === 'live' ? t('common.connection.liveHint') : undefined)}
    >
      <span className="connection-dot" aria-hidden="true" />
      {t(`common.connection.${state}`)}
    </span>
  );
}
