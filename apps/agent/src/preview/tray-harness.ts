import os from 'node:os';
import type { TicketChangeEvent } from '@deskside/agent-core';
import type { WebContents } from 'electron';
import type { HelpDeskContact } from '../common/bridge-api.js';
import { AgentHost, type CreateAgentRuntime } from '../main/agent-host.js';
import { Appearance } from '../main/appearance.js';
import path from 'node:path';
import { IPC_EVENT_CHANNELS } from '../common/ipc-channels.js';
import type { IpcHandlers } from '../main/ipc.js';
import { createIpcHandlers } from '../main/ipc-handlers.js';
import type { Logger } from '../main/logger.js';
import type { CapturedScreenshot } from '../main/screenshot.js';
import { createThisComputer, type ComputerFacts } from '../main/this-computer.js';
import type { TicketNotice } from '../main/ticket-notifications.js';
import { createKbFeature } from '../main/kb-feature.js';
import { createTicketFeature } from '../main/tickets-feature.js';
import { createFixFeature } from '../main/fixes-feature.js';
import type { WindowKind } from '../main/windows.js';

/** Where a preview page's pushes go: one server-sent-event stream per open page. */
export interface PushTarget {
  kind: WindowKind;
  send(channel: string, value: unknown): void;
  closed(): boolean;
}

export interface TrayHarnessOptions {
  hubUrl: string;
  enrollToken: string;
  stateDir: string;
  createRuntime: CreateAgentRuntime;
  capture: () => Promise<CapturedScreenshot | null>;
  facts: () => Promise<ComputerFacts>;
  helpDesk: HelpDeskContact | null;
  logger: Logger;
}

/** A notification the tray would have shown, kept so the preview (and tests) can show it. */
export interface ShownNotice extends TicketNotice {
  at: string;
}

/**
 * The tray's main process without Electron: the same AgentHost, ticket feature, This computer and
 * zod-validated IPC handlers that `main/index.ts` wires, with "windows" that are browser pages
 * connected to the preview server. Used by `npm run tray:preview` and the tray's e2e tests.
 */
export function createTrayHarness(options: TrayHarnessOptions) {
  const { logger } = options;
  const targets = new Set<PushTarget>();
  const notices: ShownNotice[] = [];
  const noticeListeners = new Set<(notice: ShownNotice) => void>();
  const agent = new AgentHost({
    config: { hubUrl: options.hubUrl, enrollToken: options.enrollToken, hubFingerprint: null, helpDesk: options.helpDesk, hideQuit: false, source: 'tray preview' },
    stateDir: options.stateDir,
    keyProtection: { kind: 'owner-only-file', reason: 'tray preview: no OS keychain outside Electron' },
    createRuntime: options.createRuntime,
    logger,
  });
  const live = (kind?: WindowKind) => [...targets].filter((t) => !t.closed() && (kind === undefined || t.kind === kind));
  const asContents = (target: PushTarget) =>
    ({ id: 0, isDestroyed: () => target.closed(), send: (channel: string, value: unknown) => target.send(channel, value) }) as unknown as WebContents;

  const appearance = new Appearance({
    file: path.join(options.stateDir, 'preferences.json'),
    // A browser sends its own languages; the pages fall back to them when the agent has none.
    systemLanguages: () => [],
    site: () => agent.siteLook(),
    logger,
  });
  agent.onSiteLook(() => appearance.changed());
  appearance.onChange((view) => {
    for (const target of live()) target.send(IPC_EVENT_CHANNELS.appearance, view);
  });
  const tickets = createTicketFeature({
    tickets: () => agent.tickets(),
    status: () => agent.status(),
    onTicketChange: (listener: (event: TicketChangeEvent) => void) => agent.onTicketChange(listener),
    hubUrl: options.hubUrl,
    capture: options.capture,
    language: () => appearance.language(),
    notify: (notice) => {
      const shown = { ...notice, at: new Date().toISOString() };
      notices.unshift(shown);
      notices.length = Math.min(notices.length, 50);
      for (const listener of noticeListeners) listener(shown);
    },
    windows: {
      // A browser cannot be told to open a window: the preview's index page links to each.
      show: () => undefined,
      isOpen: (kind) => live(kind).length > 0,
      contentsOf: (kind) => {
        const target = live(kind)[0];
        return target ? asContents(target) : null;
      },
      allContents: () => live().map(asContents),
    },
    logger,
  });
  const fixes = createFixFeature({
    fixes: () => agent.fixes(),
    onPendingFixes: (listener) => agent.onPendingFixes(listener),
    windows: {
      show: () => undefined,
      allContents: () => live().map(asContents),
    },
    notify: (notice) => {
      const shown = { ...notice, ticketId: '', at: new Date().toISOString() };
      notices.unshift(shown);
      notices.length = Math.min(notices.length, 50);
      for (const listener of noticeListeners) listener(shown);
    },
    language: () => appearance.language(),
    logger,
  });
  const thisComputer = createThisComputer({
    hostname: () => os.hostname(),
    username: () => os.userInfo().username,
    networkInterfaces: () => os.networkInterfaces(),
    facts: options.facts,
    fallbackOs: () => `${os.type()} ${os.release()}`,
    deviceId: () => agent.deviceId(),
    status: () => agent.status(),
  });
  const articles = createKbFeature({ kb: () => agent.kb(), windows: { show: () => undefined } });
  const handlers: IpcHandlers = createIpcHandlers({
    thisComputer,
    helpDesk: () => options.helpDesk,
    writeClipboard: () => undefined,
    appearance: () => appearance.view(),
    setLanguage: (language) => appearance.setLanguage(language),
    ...tickets.handlers,
    ...fixes.handlers,
    ...articles.handlers,
  });
  // What main's setupStatusPush does (that module registers ipcMain handlers, so it needs Electron).
  agent.onStatus((status) => {
    for (const target of live()) target.send(IPC_EVENT_CHANNELS.status, status);
  });
  tickets.setup();
  fixes.setup();

  return {
    agent,
    appearance,
    handlers,
    tickets,
    notices: (): readonly ShownNotice[] => notices,
    /** True while a page of `kind` is connected (the tray's "window is open"). */
    isOpen: (kind: WindowKind): boolean => live(kind).length > 0,
    onNotice(listener: (notice: ShownNotice) => void): () => void {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    attach(target: PushTarget): () => void {
      targets.add(target);
      return () => targets.delete(target);
    },
    start: () => agent.start(),
    stop: (reason: string) => agent.stop(reason),
  };
}

export type TrayHarness = ReturnType<typeof createTrayHarness>;
