import type { Role } from '@deskside/protocol';
import { visibleNav } from '../app/nav.js';
import type { OpenAlertCounts } from '../state/alert-summary.js';

export interface SideNavProps {
  role: Role;
  /** The page on screen, marked in the nav. */
  page: string;
  /** Open alerts nobody has taken yet, by severity: the badges on Alerts. */
  alertCounts: OpenAlertCounts;
}

/** The grouped main navigation: fits 1024 px, one line per page, live counts on Alerts. */
export function SideNav({ role, page, alertCounts }: SideNavProps) {
  return (
    <nav className="side-nav" aria-label="Main">
      {visibleNav(role).map((group) => (
        <div key={group.label} className="side-nav-group">
          <h2 className="side-nav-title">{group.label}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  className="side-nav-link"
                  data-testid={item.testId}
                  aria-current={item.pages.some((p) => p === page) ? 'page' : undefined}
                >
                  <span className="side-nav-label">{item.label}</span>
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
  const cap = (n: number) => (n > 999 ? '999+' : String(n));
  return (
    <span className="nav-badges">
      {counts.critical > 0 && (
        <span className="nav-badge nav-badge-critical" data-testid="critical-alert-badge" title={`${counts.critical} open critical`}>
          <span className="nav-badge-mark" aria-hidden="true" />
          {cap(counts.critical)}
          <span className="visually-hidden"> open critical</span>
        </span>
      )}
      {counts.warning > 0 && (
        <span className="nav-badge nav-badge-warning" data-testid="warning-alert-badge" title={`${counts.warning} open warnings`}>
          <span className="nav-badge-mark" aria-hidden="true" />
          {cap(counts.warning)}
          <span className="visually-hidden"> open warnings</span>
        </span>
      )}
    </span>
  );
}
