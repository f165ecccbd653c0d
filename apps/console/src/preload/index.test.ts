import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../common/ipc-channels.js';
import { contextBridge, ipcRenderer, resetElectronMock } from '@deskside/electron-common/testing';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

type Api = Record<string, (...args: unknown[]) => unknown>;
let exposed: { key: string; api: Api };

// The preload runs once per page: import it once and keep what it exposed.
beforeAll(async () => {
  resetElectronMock();
  await import('./index.js');
  const call = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Api];
  exposed = { key: call[0], api: call[1] };
});
beforeEach(() => ipcRenderer.invoke.mockClear());

describe('console preload', () => {
  it('exposes named methods as window.desksideConsole', () => {
    expect(exposed.key).toBe('desksideConsole');
    expect(Object.keys(exposed.api).sort()).toEqual(['getSettings', 'notify', 'saveHubUrl']);
    expect(Object.values(exposed.api)).not.toContain(ipcRenderer);
  });

  it('invokes only the fixed channels, with strings', async () => {
    await exposed.api['notify']?.('Alert', 'Disk full');
    await exposed.api['getSettings']?.();
    await exposed.api['saveHubUrl']?.('http://127.0.0.1:4800');
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.notify, 'Alert', 'Disk full'],
      [IPC_CHANNELS.getSettings],
      [IPC_CHANNELS.saveHubUrl, 'http://127.0.0.1:4800'],
    ]);
  });

  it('requires nothing but electron at run time', () => {
    const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    expect(valueImports).toEqual(['electron']);
  });
});
