import { isLocalPageUrl } from '@deskside/electron-common/rules';

/** The pages the tray ships, one per window kind. */
export const APP_PAGES = ['this-computer.html', 'get-help.html', 'my-tickets.html', 'check-connection.html', 'fix-consent.html', 'help-articles.html'] as const;
export type AppPage = (typeof APP_PAGES)[number];

/**
 * True when `url` is one of the app's own pages: a `file:` URL (no remote host) whose path is
 * one of `APP_PAGES` directly inside `rendererDir`. Anything else — other files, `..` tricks,
 * UNC hosts, devtools, `about:blank`, remote origins — is foreign.
 */
export function isAppPageUrl(url: string, rendererDir: string): boolean {
  return isLocalPageUrl(url, rendererDir, APP_PAGES);
}
