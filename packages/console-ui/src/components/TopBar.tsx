import type { User } from '@deskside/protocol';
import type { ReactNode } from 'react';
import { SafeText } from './SafeText.js';

export interface TopBarProps {
  user: User;
  onLogout: () => void;
  /** Shown between the product name and the user (the connection indicator). */
  children?: ReactNode;
  /** The page on screen, marked in the nav. */
  page?: string;
  /** Open critical alerts, shown as a badge on Alerts. */
  criticalAlerts?: number;
}

/** Product name, live state, who is logged in, and Logout. */
export function TopBar({ user, onLogout, children, page, criticalAlerts = 0 }: TopBarProps) {
  const current = (name: string) => (page === name ? ('page' as const) : undefined);
  return (
    <header className="top-bar">
      <a className="brand" href="#/overview">
        <span className="brand-mark" aria-hidden="true" />
        Deskside
      </a>
      <nav aria-label="Main">
        <a href="#/overview" className="nav-link" aria-current={current('overview')}>
          Overview
        </a>
        <a href="#/devices" className="nav-link" aria-current={current('devices') ?? current('device')}>
          Devices
        </a>
        <a href="#/groups" className="nav-link" aria-current={current('groups') ?? current('group')} data-testid="nav-groups">
          Groups
        </a>
        <a href="#/tickets" className="nav-link" aria-current={current('tickets') ?? current('ticket') ?? current('new-ticket')} data-testid="nav-tickets">
          Tickets
        </a>
        <a href="#/reports/software" className="nav-link" data-testid="nav-software">
          Software
        </a>
        <a href="#/reports/activity" className="nav-link" aria-current={current('activity-report')} data-testid="nav-activity">
          Activity
        </a>
        <a href="#/alerts" className="nav-link" aria-current={current('alerts')} data-testid="nav-alerts">
          Alerts
          {criticalAlerts > 0 && (
            <span className="nav-badge" data-testid="critical-alert-badge">
              {criticalAlerts > 999 ? '999+' : criticalAlerts}
              <span className="visually-hidden"> open critical</span>
            </span>
          )}
        </a>
        {user.role === 'admin' && (
          <>
            <a href="#/admin/users" className="nav-link" aria-current={current('admin-users')} data-testid="nav-admin-users">
              Users
            </a>
            <a href="#/admin/enroll-tokens" className="nav-link" aria-current={current('admin-enroll-tokens')} data-testid="nav-admin-tokens">
              Tokens
            </a>
            <a href="#/admin/devices-pending" className="nav-link" aria-current={current('admin-devices-pending')} data-testid="nav-admin-pending">
              Pending
            </a>
          </>
        )}
      </nav>
      <div className="top-bar-end">
        {children}
        <a href="#/me" className="user" data-testid="current-user" title={`Signed in as ${user.username} (${user.role})`}>
          <SafeText value={user.displayName || user.username} />
        </a>
        <button type="button" className="button button-quiet" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </div>
    </header>
  );
}
