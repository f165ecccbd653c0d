import type { MyTicket, TicketChangeEvent } from '@deskside/agent-core';
import type { ConnectivityCheck, DiagnosticsBundle } from '@deskside/protocol';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentConnectionStatus, GetHelpForm } from '../common/bridge-api.js';
import { IPC_EVENT_CHANNELS } from '../common/ipc-channels.js';
import { resetElectronMock, fakeContents, memoryLogger } from '@deskside/electron-common/testing';
import { TicketsUnavailableError } from './help-session.js';
import type { CapturedScreenshot } from './screenshot.js';
import { ticketNotice } from './ticket-notifications.js';
import { createTicketFeature } from './tickets-feature.js';
import type { TicketsPort } from './tickets-port.js';
import type { WindowKind } from './windows.js';

vi.mock('electron', () => import('@deskside/electron-common/testing'));
beforeEach(() => resetElectronMock());

const ID = '01J00000000000000000000001';
const ticket = (patch: Partial<MyTicket> = {}): MyTicket => ({
  id: ID,
  number: 7,
  subject: 'Printer jams',
  category: 'printer',
  status: 'open',
  priority: 'P3',
  delivery: 'sent',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  messages: [{ id: ID, at: '2026-01-01T00:00:00.000Z', from: 'employee', author: 'You', body: 'Every page.', pending: false }],
  askConfirm: false,
  resolvedBy: null,
  confirmDays: null,
  satisfaction: null,
  ...patch,
});
const BUNDLE = { collectedAt: '2026-01-01T00:00:00.000Z' } as DiagnosticsBundle;
const SHOT: CapturedScreenshot = { mediaType: 'image/jpeg', dataBase64: 'AAAA', width: 2, height: 2, bytes: 3 };
const FORM: GetHelpForm = { subject: 'Printer jams', description: 'Every page.', category: 'printer', urgency: 'high', impact: 'low', includeScreenshot: true };

function setup(options: { status?: AgentConnectionStatus; tickets?: boolean } = {}) {
  const listeners = new Set<(e: TicketChangeEvent) => void>();
  const port = {
    create: vi.fn(async () => ticket({ delivery: 'queued', number: null, status: 'new' })),
    reply: vi.fn(async () => ticket()),
    confirm: vi.fn(async () => ticket({ status: 'closed' })),
    rate: vi.fn(async () => ticket({ satisfaction: { rating: 'good', comment: null } })),
    list: vi.fn(async () => [ticket()]),
    hasOpenTicket: vi.fn(async () => true),
    diagnostics: vi.fn(async () => BUNDLE),
    checkConnection: vi.fn(async () => ({ checkedAt: 'now' }) as ConnectivityCheck),
    onChange: vi.fn(() => () => {}),
  } satisfies TicketsPort;
  const open = new Map<WindowKind, ReturnType<typeof fakeContents>>();
  const windows = {
    show: vi.fn((kind: WindowKind) => {
      if (!open.has(kind)) open.set(kind, fakeContents());
    }),
    isOpen: (kind: WindowKind) => open.has(kind),
    contentsOf: (kind: WindowKind) => open.get(kind) ?? null,
    allContents: () => [...open.values()],
  };
  const notify = vi.fn();
  const capture = vi.fn(async () => SHOT);
  const feature = createTicketFeature({
    tickets: () => (options.tickets === false ? null : port),
    status: () => options.status ?? 'connected',
    onTicketChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hubUrl: 'http://127.0.0.1:1',
    capture,
    notify,
    windows,
    logger: memoryLogger(),
  });
  feature.setup();
  const change = (event: TicketChangeEvent) => listeners.forEach((l) => l(event));
  return { feature, port, windows, open, notify, capture, change };
}

describe('Get help', () => {
  it('takes the screenshot before the window opens, and not again while it is open', async () => {
    const { feature, windows, capture } = setup();
    await feature.openGetHelp();
    expect(capture.mock.invocationCallOrder[0]).toBeLessThan(windows.show.mock.invocationCallOrder[0] ?? 0);
    await feature.openGetHelp();
    expect(capture).toHaveBeenCalledTimes(1);
    expect(feature.handlers.screenshot()?.dataUrl).toBe('data:image/jpeg;base64,AAAA');
  });

  it('attaches the diagnostics shown and the screenshot, and says queued when offline', async () => {
    const { feature, port } = setup({ status: 'offline' });
    await feature.openGetHelp();
    expect(await feature.handlers.diagnosticsPreview()).toBe(BUNDLE);
    const result = await feature.handlers.submitTicket(FORM);
    expect(result.queued).toBe(true);
    expect(port.diagnostics).toHaveBeenCalledTimes(1);
    expect(port.create).toHaveBeenCalledWith({
      subject: 'Printer jams',
      description: 'Every page.',
      category: 'printer',
      urgency: 'high',
      impact: 'low',
      diagnostics: BUNDLE,
      screenshot: { mediaType: 'image/jpeg', dataBase64: 'AAAA' },
    });
  });

  it('sends no screenshot once removed (or when unticked)', async () => {
    const { feature, port } = setup();
    await feature.openGetHelp();
    feature.handlers.removeScreenshot();
    expect(feature.handlers.screenshot()).toBeNull();
    expect((await feature.handlers.submitTicket(FORM)).queued).toBe(false);
    expect(port.create).toHaveBeenCalledWith(expect.objectContaining({ screenshot: null }));
  });

  it('refuses clearly when the agent is not set up', async () => {
    const { feature } = setup({ tickets: false });
    await expect(feature.handlers.submitTicket(FORM)).rejects.toThrow(TicketsUnavailableError);
    expect(await feature.handlers.listMyTickets()).toEqual([]);
  });
});

describe('ticket changes', () => {
  it('pushes every change to the open windows', () => {
    const { feature, open, change } = setup();
    feature.openMyTickets();
    change({ change: 'delivered', ticket: ticket() });
    expect(open.get('my-tickets')?.send).toHaveBeenCalledWith(IPC_EVENT_CHANNELS.ticketUpdated, ticket());
  });

  it('notifies an answer; a click opens My tickets on that ticket', () => {
    const { notify, windows, change } = setup();
    const answered = ticket({ messages: [...ticket().messages, { id: 'x', at: 'y', from: 'technician', author: 'Bob', body: 'Try tray 2.', pending: false }] });
    change({ change: 'reply', ticket: answered });
    expect(notify).toHaveBeenCalledWith({ ticketId: ID, title: 'Bob answered', body: 'Try tray 2.' }, expect.any(Function));
    (notify.mock.calls[0]?.[1] as () => void)();
    expect(windows.show).toHaveBeenCalledWith('my-tickets', { ticket: ID });
  });

  it('asks an open My tickets window to show the ticket instead of reloading it', () => {
    const { feature, open } = setup();
    feature.openMyTickets();
    feature.openMyTickets(ID);
    expect(open.get('my-tickets')?.send).toHaveBeenCalledWith(IPC_EVENT_CHANNELS.showTicket, ID);
  });

  it.each<[TicketChangeEvent['change'], string | null]>([
    ['status', 'Your request is being worked on'],
    ['failed', 'Your request could not be sent'],
    ['queued', null],
    ['delivered', null],
    ['updated', null],
  ])('%s → %s', (kind, title) => {
    expect(ticketNotice({ change: kind, ticket: ticket() })?.title ?? null).toBe(title);
  });

  it('asks "Is this fixed?" when a technician resolved it, in the employee’s language', () => {
    const resolved = ticket({ status: 'resolved', askConfirm: true, resolvedBy: 'Tina' });
    expect(ticketNotice({ change: 'status', ticket: resolved })).toMatchObject({ title: 'Is this fixed?', body: 'Printer jams. Open to tell us if it works.' });
    expect(ticketNotice({ change: 'status', ticket: resolved }, 'de')?.title).toBe('Ist das Problem behoben?');
    expect(ticketNotice({ change: 'status', ticket: ticket({ status: 'closed' }) }, 'fr')?.title).toBe('Votre demande est fermée');
  });
});
