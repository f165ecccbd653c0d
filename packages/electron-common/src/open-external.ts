import { shell } from 'electron';
import { isSafeExternalUrl } from './external-url.js';

/**
 * The one way a shell opens a link outside itself: only `https:` URLs (no credentials in them),
 * handed to the system browser. Everything else — `http:`, `file:`, `javascript:`, `data:`,
 * custom protocols that launch other programs — is refused.
 * Returns whether the link was opened.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
