import type { IpcMainInvokeEvent, WebContents } from 'electron';

export interface SenderCheck {
  /** True when the calling frame's URL is a page that may call. */
  isAllowedPage: (url: string) => boolean;
  /** True when the web contents belongs to one of the app's own windows. */
  ownsSender: (contents: WebContents) => boolean;
  /** How refusals name what was expected: `sender frame is not <page>`, `sender is not <window>`. */
  names: { page: string; window: string };
}

/**
 * Why an IPC sender is refused, or `null` when it may call: the frame must still exist, be a top
 * frame, show an allowed page, and belong to one of the app's windows. The reason names no URL.
 */
export function ipcSenderRejection(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, check: SenderCheck): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  if (frame.parent !== null) return 'sender is a sub-frame';
  if (!check.isAllowedPage(frame.url)) return `sender frame is not ${check.names.page}`;
  if (!check.ownsSender(event.sender)) return `sender is not ${check.names.window}`;
  return null;
}
