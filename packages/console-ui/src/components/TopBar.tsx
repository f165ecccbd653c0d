import type { User } from '@deskside/protocol';
import type { ReactNode } from 'react';
import { SafeText } from './SafeText.js';

export interface TopBarProps {
  user: User;
  onLogout: () => void;
  /** Shown between the product name and the user (the connection indicator). */
  children?: ReactNode;
}

/** Product name, live state, who is logged in, and Logout. */
export function TopBar({ user, onLogout, children }: TopBarProps) {
  return (
    <header className="top-bar">
      <a className="brand" href="#/devices">
        <span className="brand-mark" aria-hidden="true" />
        Deskside
      </a>
      <nav aria-label="Main">
        <a href="#/devices" className="nav-link">
          Devices
        </a>
      </nav>
      <div className="top-bar-end">
        {children}
        <span className="user" data-testid="current-user" title={`Signed in as ${user.username} (${user.role})`}>
          <SafeText value={user.displayName || user.username} />
        </span>
        <button type="button" className="button button-quiet" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </div>
    </header>
  );
}
