import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetElectronMock, fakeContents, memoryLogger } from '@deskside/electron-common/testing';
import { appPathsFrom } from './app-paths.js';
import { WindowManager, type WindowKind } from './windows.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

const paths = appPathsFrom('/opt/deskside/dist/main');
const KINDS: WindowKind[] = ['get-help', 'this-computer', 'my-tickets', 'check-connection', 'help-articles'];

beforeEach(() => resetElectronMock());

describe('createSecureWindow (through WindowManager)', () => {
  it.each(KINDS)('%s is created isolated, sandboxed, without Node, with web security', (kind) => {
    new WindowManager(paths, memoryLogger()).show(kind);
    const window = FakeBrowserWindow.instances[0];
    expect(window).toBeDefined();
    const prefs = window?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/deskside/dist/preload/index.js',
    });
    expect(window?.loadFile).toHaveBeenCalledWith(`/opt/deskside/dist/renderer/${kind}.html`);
  });
});

describe('WindowManager', () => {
  it('keeps one window per kind and focuses it on the next show', () => {
    const windows = new WindowManager(paths, memoryLogger());
    windows.show('this-computer');
    windows.show('this-computer');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]?.focus).toHaveBeenCalled();
  });

  it('owns only its own live windows', () => {
    const windows = new WindowManager(paths, memoryLogger());
    const window = windows.show('get-help') as unknown as FakeBrowserWindow;
    const contents = window.webContents as unknown as Electron.WebContents;
    expect(windows.owns(contents)).toBe(true);
    expect(windows.owns(fakeContents())).toBe(false);
    window.close();
    expect(windows.owns(contents)).toBe(false);
    expect(windows.allContents()).toEqual([]);
  });

  it('logs a page that fails to load', async () => {
    const logger = memoryLogger();
    FakeBrowserWindow.failNextLoad = new Error('ERR_FILE_NOT_FOUND');
    new WindowManager(paths, logger).show('get-help');
    await vi.waitFor(() => expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', msg: 'could not load app page' })));
  });
});
