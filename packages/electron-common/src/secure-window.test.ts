import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecureWindow, SECURE_WEB_PREFERENCES } from './secure-window.js';
import { FakeBrowserWindow, resetElectronMock } from './testing/index.js';

vi.mock('electron', () => import('./testing/index.js'));

beforeEach(() => resetElectronMock());

const created = () => FakeBrowserWindow.instances[0] as FakeBrowserWindow;

describe('createSecureWindow', () => {
  it('writes out isolation, sandbox, no Node and web security', () => {
    createSecureWindow({ preload: '/app/preload.js', window: { title: 'T', width: 300, height: 200 } });
    expect(created().options).toEqual({
      title: 'T',
      width: 300,
      height: 200,
      show: false,
      webPreferences: { preload: '/app/preload.js', ...SECURE_WEB_PREFERENCES },
    });
    // The settings the house conventions name, pinned here so that the constant cannot drift.
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false });
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ allowRunningInsecureContent: false, experimentalFeatures: false, navigateOnDragDrop: false });
  });

  it('adds harmless extras without touching the security settings', () => {
    createSecureWindow({ preload: '/p.js', window: {}, extraPreferences: { spellcheck: false } });
    expect(created().options['webPreferences']).toEqual({ preload: '/p.js', spellcheck: false, ...SECURE_WEB_PREFERENCES });
  });

  it('cannot be talked out of them by a loosely typed caller', () => {
    const loose = { spellcheck: true, sandbox: false, nodeIntegration: true } as { spellcheck: boolean };
    createSecureWindow({ preload: '/p.js', window: { show: true } as object, extraPreferences: loose });
    expect(created().options).toMatchObject({ show: false, webPreferences: { sandbox: true, nodeIntegration: false } });
  });

  it('stays hidden until painted', () => {
    const window = createSecureWindow({ preload: '/p.js', window: {} }) as unknown as FakeBrowserWindow;
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
