import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pages the tray ships, one per window kind. */
export const APP_PAGES = ['this-computer.html', 'get-help.html', 'my-tickets.html', 'check-connection.html'] as const;
export type AppPage = (typeof APP_PAGES)[number];

/**
 * True when `url` is one of the app's own pages: a `file:` URL (no remote host) whose path is
 * one of `APP_PAGES` directly inside `rendererDir`. Anything else — other files, `..` tricks,
 * UNC hosts, devtools, `about:blank`, remote origins — is foreign.
 */
export function isAppPageUrl(url: string, rendererDir: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:') return false;
  if (parsed.host !== '' && parsed.host !== 'localhost') return false;
  let filePath: string;
  try {
    filePath = fileURLToPath(parsed);
  } catch {
    return false;
  }
  // path.relative folds case on Windows, where `C:` and `c:` name the same drive.
  const relative = path.relative(path.resolve(rendererDir), path.resolve(filePath));
  return (APP_PAGES as readonly string[]).includes(relative);
}
