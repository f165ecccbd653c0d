import { isLocalPageUrl } from '@deskside/electron-common/rules';

/** The shell's own page (first run, or "Hub address…"). */
export const SETTINGS_PAGE = 'settings.html';

/** `scheme://host:port` of an http(s) URL, or `null` for anything else. */
export function httpOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.origin;
}

/** True when `url` is on exactly `origin` (same scheme, host and port). */
export function isOnOrigin(url: string, origin: string | null): boolean {
  return origin !== null && httpOrigin(url) === origin;
}

/** True when `url` is the shell's settings page inside `rendererDir` (a local file, no host). */
export function isSettingsPageUrl(url: string, rendererDir: string): boolean {
  return isLocalPageUrl(url, rendererDir, [SETTINGS_PAGE]);
}
