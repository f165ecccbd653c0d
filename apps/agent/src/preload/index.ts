/**
 * The tray's preload. It runs sandboxed, so it is compiled to CommonJS and may require nothing but
 * `electron`: the channel names are inlined below and type-checked against `common/` (types only,
 * erased at compile time). It exposes named methods, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  AGENT_CONNECTION_STATUSES,
  AgentConnectionStatus,
  DesksideAgentBridge,
  HelpDeskContact,
  ThisComputerInfo,
} from '../common/bridge-api.js';
import type { IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';

const INVOKE = {
  getThisComputer: 'this-computer:get',
  getHelpDesk: 'help-desk:get',
  copyToClipboard: 'clipboard:copy',
} as const satisfies typeof IPC_INVOKE_CHANNELS;

const EVENTS = { status: 'agent:status' } as const satisfies typeof IPC_EVENT_CHANNELS;

const STATUSES: readonly string[] = [
  'starting',
  'not-configured',
  'connected',
  'offline',
  'error',
] satisfies typeof AGENT_CONNECTION_STATUSES;

const isStatus = (value: unknown): value is AgentConnectionStatus => typeof value === 'string' && STATUSES.includes(value);

export const api = {
  getThisComputer: (): Promise<ThisComputerInfo> => ipcRenderer.invoke(INVOKE.getThisComputer),
  getHelpDesk: (): Promise<HelpDeskContact | null> => ipcRenderer.invoke(INVOKE.getHelpDesk),
  copyToClipboard: async (text: string) => {
    await ipcRenderer.invoke(INVOKE.copyToClipboard, String(text));
  },
  onStatus: (callback: (status: AgentConnectionStatus) => void) => {
    // The event object (and its `sender`) never reaches the page: only a checked status string.
    const listener = (_event: IpcRendererEvent, status: unknown) => {
      if (isStatus(status)) callback(status);
    };
    ipcRenderer.on(EVENTS.status, listener);
    return () => {
      ipcRenderer.removeListener(EVENTS.status, listener);
    };
  },
} satisfies DesksideAgentBridge;

contextBridge.exposeInMainWorld('deskside', api);
