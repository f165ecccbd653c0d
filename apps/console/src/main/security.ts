import { app, session, type Session, type WebContents } from 'electron';
import { isOnOrigin, isSettingsPageUrl } from './console-origin.js';
import type { Logger } from './logger.js';
import { openExternalSafely } from './open-external.js';

/** The policy of the shell's own settings page (the hub sets its own pages' policy). */
export const SETTINGS_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

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
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  hardenSession(session.defaultSession, options);
}

/** Exported for tests. */
export function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
  // will-navigate: the main frame; will-frame-navigate: sub-frames too; will-redirect: server hops.
  const guard = (event: { url: string; preventDefault(): void }, what: string) => {
    if (isAllowedPage(event.url, options)) return;
    event.preventDefault();
    options.logger.warn(`${what} refused`, { url: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', (event) => guard(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event, 'sub-frame navigation');
  });
  contents.on('will-redirect', (event) => guard(event, 'redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url).catch((error: unknown) => options.logger.warn('could not open link', { error }));
    return { action: 'deny' };
  });
}

/** Exported for tests. */
export function hardenSession(ses: Session, options: SecurityOptions): void {
  const allowed = (permission: string, url: string) => CONSOLE_PERMISSIONS.has(permission) && isOnOrigin(url, options.consoleOrigin());
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isSettingsPageUrl(details.url, options.rendererDir)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [SETTINGS_PAGE_CSP] } });
  });
}
