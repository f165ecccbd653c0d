import type { User } from '@deskside/protocol';
import type { ReactNode } from 'react';
import { SafeText } from './SafeText.js';
import { useT } from '../i18n/i18n.js';

export interface TopBarProps {
  user: User;
  onLogout: () => void;
  /** Opens the command palette (also Ctrl+K and `/`). */
  onSearch?: () => void;
  /** Shown before the user (the connection indicator). */
  children?: ReactNode;
}

/** Product name, search, live state, who is logged in, and Logout. */
export function TopBar({ user, onLogout, onSearch, children }: TopBarProps) {
  const t = useT();
  return (
    <header className="top-bar">
      <a className="brand" href="#/overview">
        <span className="brand-mark" aria-hidden="true" />
        Deskside
      </a>
      {onSearch && (
        <button type="button" className="search-trigger" data-testid="open-search" onClick={onSearch} aria-keyshortcuts="Control+K /">
          <span className="search-trigger-icon" aria-hidden="true" />
          <span className="search-trigger-text">{t('common.searchPlaceholder')}</span>
          <kbd className="kbd">Ctrl K</kbd>
        </button>
      )}
      <div className="top-bar-end">
        {children}
        <a href="#/me" className="user" data-testid="current-user" title={t('common.signedInAs', { username: user.username, role: t(`common.roles.${user.role}`) })}>
          <SafeText value={user.displayName || user.username} />
        </a>
        <button type="button" className="button button-quiet" data-testid="logout" onClick={onLogout}>
          {t('common.logOut')}
        </button>
      </div>
    </header>
  );
}
