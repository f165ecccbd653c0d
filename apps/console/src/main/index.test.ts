import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../common/ipc-channels.js';
import type * as ElectronMockModule from '@deskside/electron-common/testing';
import { invokeEvent } from '@deskside/electron-common/testing';
import { SETTINGS_FILE } from './settings.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

let userData: string;
const savedEnv = { ...process.env };

beforeEach(async () => {
  vi.resetModules();
  userData = await mkdtemp(path.join(os.tmpdir(), 'deskside-console-shell-'));
  delete process.env['DESKSIDE_CONSOLE_URL'];
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  await rm(userData, { recursive: true, force: true });
});

/** A fresh electron mock and a fresh import of the entry (which runs `main()`). */
async function launch(lock: boolean) {
  const electron = (await import('electron')) as unknown as typeof ElectronMockModule;
  electron.resetElectronMock();
  electron.app.requestSingleInstanceLock.mockImplementation(() => lock);
  electron.app.getPath.mockImplementation(() => userData);
  const entry = await import('./index.js');
  return { electron, entry };
}

describe('single instance', () => {
  it('quits when another instance holds the lock', async () => {
    const { electron } = await launch(false);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('focuses the existing window on a second launch', async () => {
    const { electron, entry } = await launch(true);
    await entry.onReady();
    electron.app.emit('second-instance');
    expect(electron.FakeBrowserWindow.instances).toHaveLength(1);
    expect(electron.FakeBrowserWindow.instances[0]?.focus).toHaveBeenCalled();
  });
});

describe('start-up', () => {
  it('asks for the hub on first run', async () => {
    const { electron, entry } = await launch(true);
    await entry.onReady();
    const window = electron.FakeBrowserWindow.instances[0];
    expect(window?.loadFile.mock.calls[0]?.[0]).toMatch(/renderer[/\\]settings\.html$/);
    expect(window?.loadURL).not.toHaveBeenCalled();
  });

  it('opens the saved hub, and accepts notify from it only', async () => {
    await writeFile(path.join(userData, SETTINGS_FILE), JSON.stringify({ hubUrl: 'https://hub.example.com' }));
    const { electron, entry } = await launch(true);
    await entry.onReady();
    const window = electron.FakeBrowserWindow.instances[0];
    expect(window?.loadURL).toHaveBeenCalledWith('https://hub.example.com/');
    const notify = electron.ipcMain.handlers.get(IPC_CHANNELS.notify);
    const contents = window?.webContents as unknown as Electron.WebContents;
    await notify?.(invokeEvent(contents, { url: 'https://hub.example.com/alerts' }), 'Alert', 'Disk full');
    expect(electron.FakeNotification.instances.map((n) => n.options.title)).toEqual(['Alert']);
    await expect(notify?.(invokeEvent(contents, { url: 'https://evil.example/' }), 'x', 'y')).rejects.toThrow();
  });

  it('switches to the hub saved from the settings page', async () => {
    const { electron, entry } = await launch(true);
    await entry.onReady();
    const window = electron.FakeBrowserWindow.instances[0];
    const contents = window?.webContents as unknown as Electron.WebContents;
    const settingsUrl = new URL(`file://${window?.loadFile.mock.calls[0]?.[0] ?? ''}`).href;
    const save = electron.ipcMain.handlers.get(IPC_CHANNELS.saveHubUrl);
    await expect(save?.(invokeEvent(contents, { url: settingsUrl }), 'ftp://x')).resolves.toMatchObject({ ok: false });
    await expect(save?.(invokeEvent(contents, { url: settingsUrl }), 'http://10.0.0.5:4800')).resolves.toEqual({ ok: true });
    expect(window?.loadURL).toHaveBeenCalledWith('http://10.0.0.5:4800/');
  });
});
