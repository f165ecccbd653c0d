import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { vi } from 'vitest';
import type { Logger } from '../main/logger.js';
import { FakeWebContents } from './electron-mock.js';

/** A logger that keeps what was logged, for assertions. */
export function memoryLogger(): Logger & { entries: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const entries: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    entries.push({ level, msg, ...(fields ? { fields } : {}) });
  };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A fake web contents, typed as Electron's for the code under test. */
export const fakeContents = (): FakeWebContents & WebContents => new FakeWebContents() as FakeWebContents & WebContents;

/** An invoke event from `contents`, whose frame shows `url` (frame `null` when the frame is gone). */
export function invokeEvent(
  contents: WebContents,
  frame: { url: string; parent?: unknown } | null,
): IpcMainInvokeEvent {
  return {
    sender: contents,
    senderFrame: frame ? { url: frame.url, parent: frame.parent ?? null } : null,
  } as unknown as IpcMainInvokeEvent;
}

/** An event whose `preventDefault` can be asserted. */
export const preventable = () => ({ preventDefault: vi.fn() });

export type FakeSession = Session & {
  setPermissionRequestHandler: ReturnType<typeof vi.fn>;
  setPermissionCheckHandler: ReturnType<typeof vi.fn>;
};
