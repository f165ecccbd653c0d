import { LOCAL_PAGE_CSP, setupShellSecurity } from '@deskside/electron-common';
import { isOnOrigin, isSettingsPageUrl } from './console-origin.js';
import type { Logger } from './logger.js';

/** The policy of the shell's own settings page (the hub sets its own pages' policy). */
export const SETTINGS_PAGE_CSP = LOCAL_PAGE_CSP;

/** Permissions the hub's console pages may use; every other request, from anywhere, is denied. */
const CONSOLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface SecurityOptions {
  rendererDir: string;
  /** The hub's origin right now (it changes when the user picks another hub). */
  consoleOrigin: () => string | null;
  logger: Logger;
}

/** True when a page may be shown in the shell: the hub's exact origin, or the settings page. */
export function isAllowedPage(url: string, options: Pick<SecurityOptions, 'rendererDir' | 'consoleOrigin'>): boolean {
  return isOnOrigin(url, options.consoleOrigin()) || isSettingsPageUrl(url, options.rendererDir);
}

/** Denies by default: navigation off the hub's origin, new windows, webviews, permissions. */
export function setupSecurity(options: SecurityOptions): void {
  setupShellSecurity({
    isAllowedPage: (url) => isAllowedPage(url, options),
    grantablePermissions: CONSOLE_PERMISSIONS,
    mayGrantTo: (url) => isOnOrigin(url, options.consoleOrigin()),
    localPages: { matches: (url) => isSettingsPageUrl(url, options.rendererDir), csp: SETTINGS_PAGE_CSP },
    logger: options.logger,
  });
}
