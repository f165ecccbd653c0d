import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_PAGE_CSP } from './session.js';
import { setupShellSecurity, type ShellSecurityPolicy } from './shell-security.js';
import { app, fakeContents, memoryLogger, preventable, resetElectronMock, session, shell } from './testing/index.js';

vi.mock('electron', () => import('./testing/index.js'));

const ALLOWED = 'file:///opt/app/renderer/main.html';
const TRUSTED = 'https://hub.example.com';

beforeEach(() => resetElectronMock());

/** Sets up security and creates one web contents, as Electron would. */
function hardened(policy: Partial<ShellSecurityPolicy> = {}) {
  const logger = memoryLogger();
  setupShellSecurity({
    isAllowedPage: (url) => url === ALLOWED,
    localPages: { matches: (url) => url === ALLOWED, csp: LOCAL_PAGE_CSP },
    logger,
    ...policy,
  });
  const contents = fakeContents();
  app.emit('web-contents-created', {}, contents);
  return { contents, logger };
}

describe('navigation', () => {
  it.each([
    [ALLOWED, true],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
  ])('to %s allowed=%s, for main frame, sub-frame and redirect', (url, allowed) => {
    const { contents, logger } = hardened();
    const main = { ...preventable(), url, isMainFrame: true };
    contents.emit('will-navigate', main);
    // A main-frame will-frame-navigate is will-navigate's twin: not counted twice.
    contents.emit('will-frame-navigate', main);
    const subFrame = { ...preventable(), url, isMainFrame: false };
    contents.emit('will-frame-navigate', subFrame);
    const redirect = { ...preventable(), url };
    contents.emit('will-redirect', redirect);
    for (const event of [main, subFrame, redirect]) expect(event.preventDefault).toHaveBeenCalledTimes(allowed ? 0 : 1);
    expect(logger.entries.map((e) => e.msg)).toEqual(allowed ? [] : ['navigation refused', 'sub-frame navigation refused', 'redirect refused']);
  });

  it('asks the policy at each navigation (it may change, e.g. another hub)', () => {
    let allowed = ALLOWED;
    const { contents } = hardened({ isAllowedPage: (url) => url === allowed });
    allowed = 'https://other.example/';
    const event = { ...preventable(), url: ALLOWED, isMainFrame: true };
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('logs a refused URL cut to 200 characters', () => {
    const { contents, logger } = hardened();
    const url = `https://evil.example/${'x'.repeat(5000)}`;
    contents.emit('will-navigate', { ...preventable(), url });
    expect(logger.entries[0]?.fields).toEqual({ url: `${url.slice(0, 200)}…` });
  });
});

describe('new windows and webviews', () => {
  it.each([
    ['https://help.example.com/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    [ALLOWED, false],
    ['javascript:alert(1)', false],
  ])('window.open(%s) is denied; opened externally=%s', async (url, external) => {
    const { contents, logger } = hardened();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    if (external) await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith(url));
    else {
      await vi.waitFor(() => expect(logger.entries).toContainEqual(expect.objectContaining({ msg: 'external link refused' })));
      expect(shell.openExternal).not.toHaveBeenCalled();
    }
  });

  it('logs a link the system could not open', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    const { contents, logger } = hardened();
    contents.windowOpenHandler?.({ url: 'https://help.example.com/' });
    await vi.waitFor(() => expect(logger.entries).toContainEqual(expect.objectContaining({ msg: 'could not open external link' })));
  });

  it('refuses to attach a webview', () => {
    const { contents, logger } = hardened();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
    expect(logger.entries).toContainEqual(expect.objectContaining({ msg: 'webview refused' }));
  });
});

describe('permissions', () => {
  type RequestHandler = (c: unknown, p: string, cb: (granted: boolean) => void, d?: { requestingUrl: string }) => void;
  type CheckHandler = (c: unknown, p: string, origin?: string) => boolean;
  const handlers = () => ({
    request: session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler,
    check: session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler,
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write'])(
    'denies %s by default, whatever the details say',
    (permission) => {
      hardened();
      const { request, check } = handlers();
      const callback = vi.fn();
      request(fakeContents(), permission, callback, { requestingUrl: ALLOWED });
      request(fakeContents(), permission, callback);
      expect(callback.mock.calls).toEqual([[false], [false]]);
      expect(check(fakeContents(), permission, ALLOWED)).toBe(false);
    },
  );

  it.each([
    ['a grantable permission from a trusted URL', 'clipboard-sanitized-write', `${TRUSTED}/x`, true],
    ['a grantable permission from elsewhere', 'clipboard-sanitized-write', 'https://evil.example/', false],
    ['another permission from a trusted URL', 'media', `${TRUSTED}/x`, false],
  ])('grants %s: %s', (_name, permission, url, granted) => {
    hardened({ grantablePermissions: new Set(['clipboard-sanitized-write']), mayGrantTo: (u) => new URL(u).origin === TRUSTED });
    const { request, check } = handlers();
    const callback = vi.fn();
    request(fakeContents(), permission, callback, { requestingUrl: url });
    expect(callback).toHaveBeenCalledWith(granted);
    expect(check(null, permission, new URL(url).origin)).toBe(granted);
  });
});

describe('content security policy header', () => {
  type Listener = (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
  const listener = (): Listener => session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as Listener;

  it('is added to local pages, keeping their other headers', () => {
    hardened();
    const callback = vi.fn();
    listener()({ url: ALLOWED, responseHeaders: { 'X-A': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [LOCAL_PAGE_CSP] } });
  });

  it('leaves other responses alone', () => {
    hardened();
    const callback = vi.fn();
    listener()({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it('is strict: no inline or eval script, no network from local pages', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(LOCAL_PAGE_CSP).toContain(directive);
    }
    expect(LOCAL_PAGE_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });
});
