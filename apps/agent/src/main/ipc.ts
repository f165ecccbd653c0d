import { registerIpcHandlers, type IpcHandlerMap } from '@deskside/electron-common';
import { ipcSenderRejection } from '@deskside/electron-common/rules';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { AgentConnectionStatus } from '../common/bridge-api.js';
import { INVOKE_CHANNEL_LIST, IPC_EVENT_CHANNELS, type IpcInvokeChannel } from '../common/ipc-channels.js';
import { isAppPageUrl } from './app-origin.js';
import type { Logger } from './logger.js';

/** One handler per channel; arguments arrive as `unknown` and are parsed by the handler. */
export type IpcHandlers = IpcHandlerMap<IpcInvokeChannel>;

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
  return ipcSenderRejection(event, {
    isAllowedPage: (url) => isAppPageUrl(url, rendererDir),
    ownsSender,
    names: { page: 'an app page', window: 'one of the app windows' },
  });
}

/**
 * The IPC manager: registers `ipcMain.handle` for the fixed channel list only, and runs a handler
 * only for the app's own windows showing the app's own pages. Refusals throw (the renderer's
 * `invoke` rejects) and are logged without their arguments.
 */
export function setupIpc({ handlers, rendererDir, ownsSender, logger }: IpcOptions): () => void {
  return registerIpcHandlers({
    channels: INVOKE_CHANNEL_LIST,
    handlers,
    rejection: (event) => senderRejection(event, rendererDir, ownsSender),
    logger,
  });
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
