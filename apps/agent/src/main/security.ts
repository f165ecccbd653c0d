import { LOCAL_PAGE_CSP, setupShellSecurity } from '@deskside/electron-common';
import { isAppPageUrl } from './app-origin.js';
import type { Logger } from './logger.js';

/** The policy every app page gets; the same text is in each HTML file's meta tag. */
export const CONTENT_SECURITY_POLICY = LOCAL_PAGE_CSP;

export interface SecurityOptions {
  rendererDir: string;
  logger: Logger;
}

/**
 * Denies by default, for every web contents the app ever creates: navigation away from the
 * app's own pages, new windows (https links go to the system browser instead), webviews, and
 * every permission request or check. Adds the CSP header to app pages.
 */
export function setupSecurity({ rendererDir, logger }: SecurityOptions): void {
  const isAppPage = (url: string) => isAppPageUrl(url, rendererDir);
  setupShellSecurity({ isAllowedPage: isAppPage, localPages: { matches: isAppPage, csp: CONTENT_SECURITY_POLICY }, logger });
}
