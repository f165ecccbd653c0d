/**
 * The console shell's preload. Sandboxed, so compiled to CommonJS and requiring only `electron`:
 * the channel names are inlined and type-checked against `common/` (type imports are erased).
 * Main decides which page may use which call.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ConsoleSettingsView, DesksideConsoleBridge, SaveHubUrlResult } from '../common/bridge-api.js';
import type { IPC_CHANNELS } from '../common/ipc-channels.js';

const CHANNELS = {
  notify: 'console:notify',
  getSettings: 'settings:get',
  saveHubUrl: 'settings:save-hub-url',
} as const satisfies typeof IPC_CHANNELS;

export const api = {
  notify: async (title: string, body: string) => {
    await ipcRenderer.invoke(CHANNELS.notify, String(title), String(body));
  },
  getSettings: (): Promise<ConsoleSettingsView> => ipcRenderer.invoke(CHANNELS.getSettings),
  saveHubUrl: (hubUrl: string): Promise<SaveHubUrlResult> => ipcRenderer.invoke(CHANNELS.saveHubUrl, String(hubUrl)),
} satisfies DesksideConsoleBridge;

contextBridge.exposeInMainWorld('desksideConsole', api);
