import { useT } from '../i18n/i18n.js';

/**
 * Calm, not alarming: the hub is up but its database does not answer (a restart, a failover).
 * Nothing is lost — agents keep their reports and send them again — but changes made now wait.
 */
export function DatabaseBanner({ down }: { down: boolean }) {
  const t = useT();
  if (!down) return null;
  return (
    <div className="db-banner" role="status" data-testid="database-banner">
      <strong>{t('common.database.title')}</strong>
      <span>{t('common.database.detail')}</span>
    </div>
  );
}
