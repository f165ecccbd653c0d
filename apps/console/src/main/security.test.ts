import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectronMock, session, shell, fakeContents, memoryLogger, preventable } from '@deskside/electron-common/testing';
import { SETTINGS_PAGE_CSP, setupSecurity } from './security.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

const RENDERER = '/opt/console/dist/renderer';
const SETTINGS = pathToFileURL(`${RENDERER}/settings.html`).href;
let origin: string | null = 'http://127.0.0.1:4800';

beforeEach(() => {
  resetElectronMock();
  origin = 'http://127.0.0.1:4800';
});

function hardened() {
  setupSecurity({ rendererDir: RENDERER, consoleOrigin: () => origin, logger: memoryLogger() });
  const contents = fakeContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('navigation', () => {
  it.each([
    ['the hub console', 'http://127.0.0.1:4800/devices', true],
    ['the settings page', SETTINGS, true],
    ['the hub on another port', 'http://127.0.0.1:4801/', false],
    ['localhost instead of 127.0.0.1', 'http://localhost:4800/', false],
    ['https://evil.example', 'https://evil.example/', false],
    ['another local file', 'file:///etc/passwd', false],
    ['javascript:', 'javascript:alert(1)', false],
  ])('%s allowed=%s', (_name, url, allowed) => {
    const contents = hardened();
    for (const [name, isMainFrame] of [
      ['will-navigate', true],
      ['will-frame-navigate', false],
      ['will-redirect', true],
    ] as const) {
      const event = { ...preventable(), url, isMainFrame };
      contents.emit(name, event);
      expect(event.preventDefault).toHaveBeenCalledTimes(allowed ? 0 : 1);
    }
  });

  it('follows the hub the user switches to', () => {
    const contents = hardened();
    origin = 'https://hub.example.com';
    const event = { ...preventable(), url: 'http://127.0.0.1:4800/', isMainFrame: true };
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('windows, webviews, permissions', () => {
  it('denies window.open and hands only https to the browser', async () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'http://127.0.0.1:4800/x' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://docs.example.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1));
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.example.com/');
  });

  it('refuses webviews', () => {
    const contents = hardened();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['clipboard write from the hub', 'clipboard-sanitized-write', 'http://127.0.0.1:4800/', true],
    ['clipboard write from elsewhere', 'clipboard-sanitized-write', 'https://evil.example/', false],
    ['clipboard read from the hub', 'clipboard-read', 'http://127.0.0.1:4800/', false],
    ['camera from the hub', 'media', 'http://127.0.0.1:4800/', false],
    ['notifications from the hub (they go through notify)', 'notifications', 'http://127.0.0.1:4800/', false],
    ['geolocation', 'geolocation', 'http://127.0.0.1:4800/', false],
  ])('%s → %s', (_name, permission, url, granted) => {
    hardened();
    const ses = session.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl: string }) => void;
    const callback = vi.fn();
    request(fakeContents(), permission, callback, { requestingUrl: url });
    expect(callback).toHaveBeenCalledWith(granted);
    const check = ses.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string, origin: string) => boolean;
    expect(check(null, permission, new URL(url).origin)).toBe(granted);
  });

  it('sets the CSP header on the settings page only', () => {
    hardened();
    const listener = session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (d: { url: string }, cb: (r: unknown) => void) => void;
    const onSettings = vi.fn();
    listener({ url: SETTINGS }, onSettings);
    expect(onSettings).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [SETTINGS_PAGE_CSP] } });
    const onHub = vi.fn();
    listener({ url: 'http://127.0.0.1:4800/' }, onHub);
    expect(onHub).toHaveBeenCalledWith({});
  });
});
