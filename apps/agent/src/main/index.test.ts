import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL_LIST } from '../common/ipc-channels.js';
import type * as ElectronMockModule from '@deskside/electron-common/testing';

vi.mock('electron', () => import('@deskside/electron-common/testing'));
// The entry is tested for its wiring; agent-core's runtime is replaced by one that stays offline.
vi.mock('./agent-runtime.js', () => ({
  createAgentRuntime: () => ({
    start: async () => {},
    stop: async () => {},
    notifySuspend: () => {},
    notifyResume: () => {},
    on: () => undefined,
  }),
  readComputerFacts: async () => ({ serialNumber: null, os: null }),
}));

type ElectronMock = typeof ElectronMockModule;

let userData: string;
const savedEnv = { ...process.env };

beforeEach(async () => {
  vi.resetModules();
  userData = await mkdtemp(path.join(os.tmpdir(), 'deskside-tray-'));
  delete process.env['DESKSIDE_HUB_URL'];
  delete process.env['DESKSIDE_ENROLL_TOKEN'];
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  await rm(userData, { recursive: true, force: true });
});

/** A fresh electron mock and a fresh import of the entry (which runs `main()`). */
async function launch(options: { lock: boolean; ready?: boolean }) {
  const electron = (await import('electron')) as unknown as ElectronMock;
  electron.resetElectronMock();
  electron.app.requestSingleInstanceLock.mockImplementation(() => options.lock);
  electron.app.getPath.mockImplementation((name: string) => (name === 'exe' ? path.join(userData, 'bin', 'agent') : userData));
  let ready: () => void = () => {};
  electron.app.whenReady.mockImplementation(() => new Promise<void>((resolve) => (ready = resolve)));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const entry = await import('./index.js');
  return { electron, entry, ready: () => ready() };
}

describe('single instance', () => {
  it('quits when another instance holds the lock, wiring nothing', async () => {
    const { electron } = await launch({ lock: false });
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('shows the This computer window when a second instance starts', async () => {
    const { electron } = await launch({ lock: true });
    expect(electron.app.quit).not.toHaveBeenCalled();
    electron.app.emit('second-instance');
    expect(electron.FakeBrowserWindow.instances).toHaveLength(1);
    expect(electron.FakeBrowserWindow.instances[0]?.loadFile.mock.calls[0]?.[0]).toMatch(/this-computer\.html$/);
    electron.app.emit('second-instance');
    expect(electron.FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('keeps running when every window is closed (it lives in the tray)', async () => {
    const { electron } = await launch({ lock: true });
    expect(electron.app.listenerCount('window-all-closed')).toBe(1);
  });
});

describe('onReady', () => {
  it('wires security, IPC and the tray', async () => {
    const { electron, entry } = await launch({ lock: true });
    await entry.onReady();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNEL_LIST].sort());
    expect(electron.FakeTray.instances).toHaveLength(1);
    // No hub configured in this test: the tray says so rather than pretending to connect.
    expect(electron.FakeTray.instances[0]?.setToolTip).toHaveBeenLastCalledWith(expect.stringMatching(/not set up/));
  });
});
