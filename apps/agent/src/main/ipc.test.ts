import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL_LIST, IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';
import { ipcMain, resetElectronMock, fakeContents, invokeEvent, memoryLogger } from '@deskside/electron-common/testing';
import { senderRejection, setupIpc, setupStatusPush, type IpcHandlers } from './ipc.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

const RENDERER = '/opt/deskside/dist/renderer';
const APP_PAGE = pathToFileURL(`${RENDERER}/this-computer.html`).href;

beforeEach(() => resetElectronMock());

describe('senderRejection', () => {
  const ours = fakeContents();
  const owns = (contents: WebContents) => contents.id === ours.id;
  const topFrame = (url: string) => ({ url });

  it.each([
    ['our window on our page', ours, topFrame(APP_PAGE), null],
    ['our window on the other page', ours, topFrame(pathToFileURL(`${RENDERER}/get-help.html`).href), null],
    ['our window navigated to a foreign site', ours, topFrame('https://evil.example/'), 'sender frame is not an app page'],
    ['our window showing another local file', ours, topFrame('file:///tmp/evil.html'), 'sender frame is not an app page'],
    ['devtools', ours, topFrame('devtools://devtools/bundled/devtools_app.html'), 'sender frame is not an app page'],
    ['a sub-frame of our page', ours, { url: APP_PAGE, parent: {} }, 'sender is a sub-frame'],
    ['a frame that is gone', ours, null, 'sender frame is gone'],
    ['another web contents on our page URL', fakeContents(), topFrame(APP_PAGE), 'sender is not one of the app windows'],
  ])('%s', (_name, contents, frame, expected) => {
    expect(senderRejection(invokeEvent(contents, frame), RENDERER, owns)).toBe(expected);
  });
});

describe('setupIpc', () => {
  const calls: unknown[][] = [];
  const handlers: IpcHandlers = {
    [IPC_INVOKE_CHANNELS.getThisComputer]: (...args) => {
      calls.push(args);
      return 'computer';
    },
    [IPC_INVOKE_CHANNELS.getHelpDesk]: () => null,
    [IPC_INVOKE_CHANNELS.copyToClipboard]: () => undefined,
    [IPC_INVOKE_CHANNELS.getDiagnosticsPreview]: () => null,
    [IPC_INVOKE_CHANNELS.getScreenshot]: () => null,
    [IPC_INVOKE_CHANNELS.removeScreenshot]: () => undefined,
    [IPC_INVOKE_CHANNELS.submitTicket]: () => null,
    [IPC_INVOKE_CHANNELS.listMyTickets]: () => [],
    [IPC_INVOKE_CHANNELS.replyToTicket]: () => null,
    [IPC_INVOKE_CHANNELS.confirmFix]: () => null,
    [IPC_INVOKE_CHANNELS.rateTicket]: () => null,
    [IPC_INVOKE_CHANNELS.listPendingFixes]: () => [],
    [IPC_INVOKE_CHANNELS.answerFix]: () => false,
    [IPC_INVOKE_CHANNELS.searchArticles]: () => null,
    [IPC_INVOKE_CHANNELS.listArticles]: () => null,
    [IPC_INVOKE_CHANNELS.getArticle]: () => null,
    [IPC_INVOKE_CHANNELS.articleSolvedIt]: () => undefined,
    [IPC_INVOKE_CHANNELS.articleFeedback]: () => undefined,
    [IPC_INVOKE_CHANNELS.checkConnection]: () => null,
    [IPC_INVOKE_CHANNELS.getAppearance]: () => null,
    [IPC_INVOKE_CHANNELS.setLanguage]: () => null,
  };

  function setup() {
    calls.length = 0;
    const ours = fakeContents();
    const logger = memoryLogger();
    const dispose = setupIpc({ handlers, rendererDir: RENDERER, ownsSender: (c) => c.id === ours.id, logger });
    const handle = (channel: string) => {
      const listener = ipcMain.handlers.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return listener;
    };
    return { ours, logger, dispose, handle };
  }

  it('registers exactly the fixed channel list', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNEL_LIST].sort());
  });

  it('runs the handler for our window on our page', async () => {
    const { ours, handle } = setup();
    await expect(handle(IPC_INVOKE_CHANNELS.getThisComputer)(invokeEvent(ours, { url: APP_PAGE }))).resolves.toBe('computer');
    expect(calls).toEqual([[]]);
  });

  it.each([
    ['foreign frame URL', () => ({ contents: 'ours', url: 'https://evil.example/' })],
    ['devtools', () => ({ contents: 'ours', url: 'devtools://devtools/bundled/devtools_app.html' })],
    ['other web contents', () => ({ contents: 'other', url: APP_PAGE })],
  ] as const)('refuses %s without running the handler, and logs it', async (_name, describeSender) => {
    const { ours, logger, handle } = setup();
    const sender = describeSender();
    const contents = sender.contents === 'ours' ? ours : fakeContents();
    await expect(handle(IPC_INVOKE_CHANNELS.getThisComputer)(invokeEvent(contents, { url: sender.url }))).rejects.toThrow(
      'IPC call refused',
    );
    expect(calls).toEqual([]);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'IPC call refused' }));
  });

  it('removes its handlers when disposed', () => {
    const { dispose } = setup();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('setupStatusPush', () => {
  it('sends status changes to live windows only', () => {
    let emit: (status: 'connected') => void = () => {};
    const live = fakeContents();
    const closed = fakeContents();
    closed.destroyed = true;
    setupStatusPush({
      onStatus: (listener) => {
        emit = listener;
        return () => {};
      },
      targets: () => [live, closed],
    });
    emit('connected');
    expect(live.send).toHaveBeenCalledWith(IPC_EVENT_CHANNELS.status, 'connected');
    expect(closed.send).not.toHaveBeenCalled();
  });
});
