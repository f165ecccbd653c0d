// Same rule as the tray agent's (apps never import each other; a shared electron-common package would hold it).
import { shell } from 'electron';

/**
 * The one way the app opens a link outside itself: only `https:` URLs (no credentials in them),
 * handed to the system browser. Everything else — `http:`, `file:`, `javascript:`, `data:`,
 * custom protocols that launch other programs — is refused.
 * Returns whether the link was opened.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** Exported for tests: the rule `openExternalSafely` applies. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}
