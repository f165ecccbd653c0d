import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectronMock, memoryLogger } from '@deskside/electron-common/testing';
import { AUTOSTART_FILE, setupAutoStart, xdgAutostartEntry, xdgConfigHome } from './auto-start.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

let dir: string;
beforeEach(async () => {
  resetElectronMock();
  app.isPackaged = true;
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-autostart-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const options = (platform: NodeJS.Platform) => ({ platform, xdgConfigHome: dir, execPath: '/opt/Deskside Agent/deskside-agent', logger: memoryLogger() });

describe('setupAutoStart', () => {
  it.each<NodeJS.Platform>(['win32', 'darwin'])('uses the login item on %s', async (platform) => {
    await setupAutoStart(options(platform));
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });

  it('writes an XDG autostart entry on Linux', async () => {
    await setupAutoStart(options('linux'));
    const file = path.join(dir, 'autostart', AUTOSTART_FILE);
    expect(await readFile(file, 'utf8')).toContain('Exec="/opt/Deskside Agent/deskside-agent"');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('does nothing in an unpackaged development run', async () => {
    app.isPackaged = false;
    await setupAutoStart(options('linux'));
    await setupAutoStart(options('win32'));
    await expect(stat(path.join(dir, 'autostart'))).rejects.toThrow();
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('xdgAutostartEntry', () => {
  it.each([
    ['/opt/deskside/agent', 'Exec="/opt/deskside/agent"'],
    ['/home/a"b/agent', 'Exec="/home/a\\\\"b/agent"'],
    ['/home/$USER/agent', 'Exec="/home/\\\\$USER/agent"'],
    ['/opt/100%/agent', 'Exec="/opt/100%%/agent"'],
  ])('quotes %s', (execPath, line) => {
    expect(xdgAutostartEntry(execPath).split('\n')).toContain(line);
  });

  it('refuses a path with a newline (it would add lines to the file)', () => {
    expect(() => xdgAutostartEntry('/opt/agent\nExec=/tmp/evil')).toThrow();
  });
});

describe('xdgConfigHome', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/xdg' }, '/xdg'],
    [{ XDG_CONFIG_HOME: 'relative' }, '/home/alice/.config'],
    [{}, '/home/alice/.config'],
  ])('%j → %s', (env, expected) => {
    expect(xdgConfigHome(env, '/home/alice')).toBe(expected);
  });
});
