import type { Role } from '@deskside/protocol';
import { visibleNav } from '../app/nav.js';
import type { OpenAlertCounts } from '../state/alert-summary.js';
import { useT } from '../i18n/i18n.js';

export interface SideNavProps {
  role: Role;
  /** The page on screen, marked in the nav. */
  page: string;
  /** Open alerts nobody has taken yet, by severity: the badges on Alerts. */
  alertCounts: OpenAlertCounts;
}

/** The grouped main navigation: fits 1024 px, one line per page, live counts on Alerts. */
export function SideNav({ role, page, alertCounts }: SideNavProps) {
  const t = useT();
  return (
    <nav className="side-nav" aria-label={t('nav.main')}>
      {visibleNav(role).map((group) => (
        <div key={group.label} className="side-nav-group">
          <h2 className="side-nav-title">{t(`nav.groups.${group.label}`)}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  className="side-nav-link"
                  data-testid={item.testId}
                  aria-current={item.pages.some((p) => p === page) ? 'page' : undefined}
                >
                  <span className="side-nav-label">{t(`nav.${item.label}`)}</span>
                  {item.badge === 'alerts' && <AlertBadges counts={alertCounts} />}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function AlertBadges({ counts }: { counts: OpenAlertCounts }) {
  const t = useT();
  const cap = (n: number) => (n > 999 ? '999+' : String(n));
  return (
    <span className="nav-badges">
      {counts.critical > 0 && (
        <span className="nav-badge nav-badge-critical" data-testid="critical-alert-badge" title={t('nav.openCritical', { count: counts.critical })}>
          <span className="nav-badge-mark" aria-hidden="true" />
          <span aria-hidden="true">{cap(counts.critical)}</span>
          <span className="visually-hidden">{t('nav.openCritical', { count: counts.critical })}</span>
        </span>
      )}
      {counts.warning > 0 && (
        <span className="nav-badge nav-badge-warning" data-testid="warning-alert-badge" title={t('nav.openWarnings', { count: counts.warning })}>
          <span className="nav-badge-mark" aria-hidden="true" />
          <span aria-hidden="true">{cap(counts.warning)}</span>
          <span className="visually-hidden">{t('nav.openWarnings', { count: counts.warning })}</span>
        </span>
      )}
    </span>
  );
}
