import type { WebContents } from 'electron';
import type { ShellLogger } from './logger.js';
import { openExternalSafely } from './open-external.js';

export interface WebContentsPolicy {
  /** True for the pages a window may show; called on every navigation, so it may follow changes. */
  isAllowedPage: (url: string) => boolean;
  logger: Pick<ShellLogger, 'warn'>;
}

/**
 * Denies by default, for one web contents: navigation, sub-frame navigation and redirects to any
 * page `isAllowedPage` refuses; webviews; new windows (an `https:` link goes to the system browser
 * instead, through `openExternalSafely`).
 */
export function hardenWebContents(contents: WebContents, { isAllowedPage, logger }: WebContentsPolicy): void {
  // will-navigate: the main frame; will-frame-navigate: sub-frames too; will-redirect: server hops.
  const guard = (event: { url: string; preventDefault(): void }, what: string) => {
    if (isAllowedPage(event.url)) return;
    event.preventDefault();
    logger.warn(`${what} refused`, { url: truncateUrl(event.url) });
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
        if (!opened) logger.warn('external link refused', { url: truncateUrl(url) });
      },
      (error: unknown) => logger.warn('could not open external link', { error }),
    );
    return { action: 'deny' };
  });
}

/** A URL cut to a loggable length (a hostile page can make them megabytes long). */
export const truncateUrl = (url: string): string => (url.length > 200 ? `${url.slice(0, 200)}…` : url);
