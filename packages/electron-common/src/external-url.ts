/**
 * The rule `openExternalSafely` applies: an `https:` URL with a host and no credentials in it,
 * at most 2,048 characters. Anything else, including a value that is not a string, is refused.
 */
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
