import type { Session } from 'electron';

/** The policy of the shell's own local pages (each HTML file carries the same text in a meta tag). */
export const LOCAL_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface SessionPolicy {
  /** Permissions a page may be granted; every other request or check is denied. Default: none. */
  grantablePermissions?: ReadonlySet<string>;
  /** True for the requesting URL/origin a grantable permission may go to. Default: none. */
  mayGrantTo?: (url: string) => boolean;
  /** The shell's own pages and the CSP header they get; other responses are left alone. */
  localPages: { matches: (url: string) => boolean; csp: string };
}

const NONE: ReadonlySet<string> = new Set();

/** Denies permissions by default and adds the CSP header to the shell's own pages. */
export function hardenSession(ses: Session, policy: SessionPolicy): void {
  const grantable = policy.grantablePermissions ?? NONE;
  const mayGrantTo = policy.mayGrantTo ?? (() => false);
  // The permission is looked at first, so a deny-all policy never depends on the request's details.
  const allowed = (permission: string, url: () => string) => grantable.has(permission) && mayGrantTo(url());
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowed(permission, () => details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, () => requestingOrigin));
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!policy.localPages.matches(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy.localPages.csp] } });
  });
}
