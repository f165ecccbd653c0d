import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True when `url` is one of a shell's own pages: a `file:` URL (no remote host) whose path is one
 * of `pages` directly inside `rendererDir`. Anything else — other files, `..` tricks, UNC hosts,
 * devtools, `about:blank`, remote origins — is foreign.
 */
export function isLocalPageUrl(url: string, rendererDir: string, pages: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:') return false;
  if (parsed.host !== '' && parsed.host !== 'localhost') return false;
  try {
    // path.relative folds case on Windows, where `C:` and `c:` name the same drive.
    return pages.includes(path.relative(path.resolve(rendererDir), path.resolve(fileURLToPath(parsed))));
  } catch {
    return false;
  }
}
