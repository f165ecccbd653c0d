import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AgentConnectionStatus } from '../common/bridge-api.js';
import { INVOKE_CHANNEL_LIST, IPC_EVENT_CHANNELS, type IpcInvokeChannel } from '../common/ipc-channels.js';
import { isAppPageUrl } from './app-origin.js';
import type { Logger } from './logger.js';

/** One handler per channel; arguments arrive as `unknown` and are parsed by the handler. */
export type IpcHandlers = Record<IpcInvokeChannel, (...args: unknown[]) => unknown>;

export interface IpcOptions {
  handlers: IpcHandlers;
  rendererDir: string;
  /** True when the web contents belongs to one of the app's own windows. */
  ownsSender: (contents: WebContents) => boolean;
  logger: Logger;
}

/** Why a sender was refused, or `null` when it may call. Exported for table-driven tests. */
export function senderRejection(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  rendererDir: string,
  ownsSender: (contents: WebContents) => boolean,
): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  if (frame.parent !== null) return 'sender is a sub-frame';
  if (!isAppPageUrl(frame.url, rendererDir)) return 'sender frame is not an app page';
  if (!ownsSender(event.sender)) return 'sender is not one of the app windows';
  return null;
}

/**
 * The IPC manager: registers `ipcMain.handle` for the fixed channel list only, and runs a handler
 * only for the app's own windows showing the app's own pages. Refusals throw (the renderer's
 * `invoke` rejects) and are logged without their arguments.
 */
export function setupIpc({ handlers, rendererDir, ownsSender, logger }: IpcOptions): () => void {
  for (const channel of INVOKE_CHANNEL_LIST) {
    const handler = handlers[channel];
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const rejection = senderRejection(event, rendererDir, ownsSender);
      if (rejection) {
        logger.warn('IPC call refused', { channel, reason: rejection });
        throw new Error('IPC call refused');
      }
      return handler(...args);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNEL_LIST) ipcMain.removeHandler(channel);
  };
}

/** Pushes every status change to the app's open windows (the preload filters what it passes on). */
export function setupStatusPush(options: {
  onStatus: (listener: (status: AgentConnectionStatus) => void) => () => void;
  targets: () => WebContents[];
}): () => void {
  return options.onStatus((status) => {
    for (const contents of options.targets()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNELS.status, status);
    }
  });
}
