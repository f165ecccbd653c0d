import { app, session, type Session, type WebContents } from 'electron';
import { isAppPageUrl } from './app-origin.js';
import { openExternalSafely } from './open-external.js';
import type { Logger } from './logger.js';

/** The policy every app page gets; the same text is in each HTML file's meta tag. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface SecurityOptions {
  rendererDir: string;
  logger: Logger;
}

/**
 * Denies by default, for every web contents the app ever creates: navigation away from the
 * app's own pages, new windows (https links go to the system browser instead), webviews, and
 * every permission request or check. Adds the CSP header to app pages.
 */
export function setupSecurity(options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  hardenSession(session.defaultSession, options);
}

/** Exported for tests. */
export function hardenWebContents(contents: WebContents, { rendererDir, logger }: SecurityOptions): void {
  // will-navigate: the main frame; will-frame-navigate: sub-frames too; will-redirect: server hops.
  const guard = (event: { url: string; preventDefault(): void }, what: string) => {
    if (isAppPageUrl(event.url, rendererDir)) return;
    event.preventDefault();
    logger.warn(`${what} refused`, { url: truncate(event.url) });
  };
  contents.on('will-navigate', (event) => guard(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event, 'sub-frame navigation');
  });
  contents.on('will-redirect', (event) => guard(event, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url).then(
      (opened) => {
        if (!opened) logger.warn('external link refused', { url: truncate(url) });
      },
      (error: unknown) => logger.warn('could not open external link', { error }),
    );
    return { action: 'deny' };
  });
}

/** Exported for tests. */
export function hardenSession(ses: Session, { rendererDir }: SecurityOptions): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppPageUrl(details.url, rendererDir)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

const truncate = (url: string): string => (url.length > 200 ? `${url.slice(0, 200)}…` : url);
