import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { vi } from 'vitest';
import { FakeWebContents } from './electron-mock.js';

export interface LogEntry {
  level: string;
  msg: string;
  fields?: Record<string, unknown>;
}

type LogFn = (msg: string, fields?: Record<string, unknown>) => void;

/** A logger that keeps what was logged, for assertions (it fits both shells' logger types). */
export function memoryLogger(): { entries: LogEntry[]; debug: LogFn; info: LogFn; warn: LogFn; error: LogFn } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    entries.push({ level, msg, ...(fields ? { fields } : {}) });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
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
