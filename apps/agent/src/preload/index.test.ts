import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';
import { contextBridge, ipcRenderer, resetElectronMock } from '@deskside/electron-common/testing';

vi.mock('electron', () => import('@deskside/electron-common/testing'));

type Api = Record<string, (...args: unknown[]) => unknown>;
let exposedAs: { key: string; api: Api };

// The preload runs once per page, as in a window: import it once and keep what it exposed.
beforeAll(async () => {
  resetElectronMock();
  await import('./index.js');
  const call = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Api];
  exposedAs = { key: call[0], api: call[1] };
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.on.mockClear();
  ipcRenderer.removeListener.mockClear();
});

const exposed = async () => exposedAs;

describe('tray preload', () => {
  it('exposes named methods as window.deskside, never ipcRenderer', async () => {
    const { key, api } = await exposed();
    expect(key).toBe('deskside');
    expect(Object.keys(api).sort()).toEqual([
      'answerFix',
      'articleFeedback',
      'articleSolvedIt',
      'checkConnection',
      'confirmFix',
      'copyToClipboard',
      'getAppearance',
      'getArticle',
      'getDiagnosticsPreview',
      'getHelpDesk',
      'getScreenshot',
      'getThisComputer',
      'listArticles',
      'listMyTickets',
      'listPendingFixes',
      'onAppearance',
      'onPendingFixes',
      'onShowTicket',
      'onStatus',
      'onTicketUpdated',
      'rateTicket',
      'removeScreenshot',
      'replyToTicket',
      'searchArticles',
      'setLanguage',
      'submitTicket',
    ]);
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invokes only the fixed channels', async () => {
    const { api } = await exposed();
    await api['getThisComputer']?.();
    await api['getHelpDesk']?.();
    await api['copyToClipboard']?.('PC-042');
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IPC_INVOKE_CHANNELS.getThisComputer],
      [IPC_INVOKE_CHANNELS.getHelpDesk],
      [IPC_INVOKE_CHANNELS.copyToClipboard, 'PC-042'],
    ]);
  });

  it('passes on only valid statuses, without the event, and unsubscribes', async () => {
    const { api } = await exposed();
    const seen: unknown[] = [];
    const unsubscribe = api['onStatus']?.((status: unknown) => seen.push(status)) as () => void;
    const [channel, listener] = ipcRenderer.on.mock.calls[0] as [string, (event: unknown, ...args: unknown[]) => void];
    expect(channel).toBe(IPC_EVENT_CHANNELS.status);
    listener({ sender: 'ipc' }, 'connected');
    listener({ sender: 'ipc' }, 'pwned');
    listener({ sender: 'ipc' }, { status: 'connected' });
    expect(seen).toEqual(['connected']);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNELS.status, listener);
  });

  it('sends only the form fields of a ticket, and strings for a reply', async () => {
    const { api } = await exposed();
    const form = { subject: 'S', description: 'D', category: 'printer', urgency: 'high', impact: 'low', includeScreenshot: true, extra: 'x', __proto__: { evil: 1 } };
    await api['submitTicket']?.(form);
    await api['replyToTicket']?.(42, { toString: () => 'body' });
    await api['listMyTickets']?.();
    await api['checkConnection']?.();
    await api['getDiagnosticsPreview']?.();
    await api['getScreenshot']?.();
    await api['removeScreenshot']?.();
    await api['setLanguage']?.('de');
    await api['setLanguage']?.(null);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IPC_INVOKE_CHANNELS.submitTicket, { subject: 'S', description: 'D', category: 'printer', urgency: 'high', impact: 'low', includeScreenshot: true }],
      [IPC_INVOKE_CHANNELS.replyToTicket, '42', 'body'],
      [IPC_INVOKE_CHANNELS.listMyTickets],
      [IPC_INVOKE_CHANNELS.checkConnection],
      [IPC_INVOKE_CHANNELS.getDiagnosticsPreview],
      [IPC_INVOKE_CHANNELS.getScreenshot],
      [IPC_INVOKE_CHANNELS.removeScreenshot],
      [IPC_INVOKE_CHANNELS.setLanguage, 'de'],
      [IPC_INVOKE_CHANNELS.setLanguage, null],
    ]);
  });

  it.each([
    ['onTicketUpdated', IPC_EVENT_CHANNELS.ticketUpdated, { id: '01J00000000000000000000001', messages: [] }, ['nope', { id: 1, messages: [] }, null]],
    ['onShowTicket', IPC_EVENT_CHANNELS.showTicket, '01J00000000000000000000001', ['../../etc', 42, { id: 'x' }]],
    ['onAppearance', IPC_EVENT_CHANNELS.appearance, { language: 'de', languageChoice: 'de', siteLanguage: null, branding: null }, ['de', { language: 'xx' }, null]],
  ] as const)('%s passes on only well-formed pushes', async (method, channel, good, bad) => {
    const { api } = await exposed();
    const seen: unknown[] = [];
    const unsubscribe = api[method]?.((value: unknown) => seen.push(value)) as () => void;
    const [registered, listener] = ipcRenderer.on.mock.calls[0] as [string, (event: unknown, ...args: unknown[]) => void];
    expect(registered).toBe(channel);
    for (const value of bad) listener({ sender: 'ipc' }, value);
    listener({ sender: 'ipc' }, good);
    expect(seen).toEqual([good]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channel, listener);
  });

  it('requires nothing but electron at run time (a sandboxed preload cannot)', () => {
    const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    expect(valueImports).toEqual(['electron']);
  });
});
