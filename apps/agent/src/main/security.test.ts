import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectronMock, session, shell, fakeContents, memoryLogger, preventable } from '@deskside/electron-common/testing';
import { CONTENT_SECURITY_POLICY, setupSecurity } from './security.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

const RENDERER = '/opt/deskside/dist/renderer';
const APP_PAGE = pathToFileURL(`${RENDERER}/this-computer.html`).href;

beforeEach(() => resetElectronMock());

/** Sets up security and creates one web contents, as Electron would. */
function hardened() {
  const logger = memoryLogger();
  setupSecurity({ rendererDir: RENDERER, logger });
  const contents = fakeContents();
  app.emit('web-contents-created', {}, contents);
  return { contents, logger };
}

describe('navigation', () => {
  it.each([
    [APP_PAGE, true],
    [pathToFileURL(`${RENDERER}/get-help.html`).href, true],
    ['https://example.com/', false],
    ['http://127.0.0.1:4800/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['about:blank', false],
  ])('navigating to %s allowed=%s', (url, allowed) => {
    const { contents } = hardened();
    const main = { ...preventable(), url, isMainFrame: true };
    contents.emit('will-navigate', main);
    contents.emit('will-frame-navigate', main);
    expect(main.preventDefault).toHaveBeenCalledTimes(allowed ? 0 : 1);
    const subFrame = { ...preventable(), url, isMainFrame: false };
    contents.emit('will-frame-navigate', subFrame);
    expect(subFrame.preventDefault).toHaveBeenCalledTimes(allowed ? 0 : 1);
    const redirect = { ...preventable(), url };
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalledTimes(allowed ? 0 : 1);
  });
});

describe('new windows', () => {
  it.each([
    ['https://help.example.com/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    [APP_PAGE, false],
    ['javascript:alert(1)', false],
  ])('window.open(%s) is denied; opened externally=%s', async (url, external) => {
    const { contents } = hardened();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    await vi.waitFor(() => {
      if (external) expect(shell.openExternal).toHaveBeenCalledWith(url);
    });
    if (!external) expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('webviews and permissions', () => {
  it('refuses to attach a webview', () => {
    const { contents } = hardened();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])(
    'denies the %s permission request and check',
    (permission) => {
      hardened();
      const ses = session.defaultSession;
      const [requestHandler] = ses.setPermissionRequestHandler.mock.calls[0] as [
        (c: unknown, p: string, cb: (granted: boolean) => void) => void,
      ];
      const callback = vi.fn();
      requestHandler(fakeContents(), permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      const [checkHandler] = ses.setPermissionCheckHandler.mock.calls[0] as [(c: unknown, p: string) => boolean];
      expect(checkHandler(fakeContents(), permission)).toBe(false);
    },
  );
});

describe('content security policy header', () => {
  type Listener = (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
  const listener = (): Listener => session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as Listener;

  it('adds the CSP to app pages', () => {
    hardened();
    const callback = vi.fn();
    listener()({ url: APP_PAGE, responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('leaves other responses alone', () => {
    hardened();
    const callback = vi.fn();
    listener()({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it('is at least as strict as the meta tag', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'none'", "object-src 'none'", "base-uri 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});
