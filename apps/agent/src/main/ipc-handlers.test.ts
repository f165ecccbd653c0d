import { describe, expect, it, vi } from 'vitest';
import {
  BODY_MAX_CHARS,
  CLIPBOARD_MAX_CHARS,
  SUBJECT_MAX_CHARS,
  type ConnectivityView,
  type DiagnosticsView,
  type GetHelpForm,
  type MyTicketView,
  type SubmitTicketResult,
  type ThisComputerInfo,
} from '../common/bridge-api.js';
import { IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';
import { createIpcHandlers, InvalidIpcArguments } from './ipc-handlers.js';

const info: ThisComputerInfo = {
  hostname: 'PC-042',
  user: 'alice',
  ipAddresses: ['192.168.1.42'],
  serialNumber: 'SN123',
  os: 'Windows 11 Pro',
  deviceId: null,
  status: 'connected',
};

const TICKET_ID = '01J00000000000000000000001';
const ticket: MyTicketView = {
  id: TICKET_ID,
  number: null,
  subject: 'Printer',
  category: 'printer',
  status: 'new',
  priority: 'P3',
  delivery: 'queued',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  messages: [],
  askConfirm: false,
  resolvedBy: null,
  confirmDays: null,
  satisfaction: null,
};
const FORM: GetHelpForm = {
  subject: 'Printer jams',
  description: 'Every page.',
  category: 'printer',
  urgency: 'medium',
  impact: 'low',
  includeScreenshot: true,
};

function handlers() {
  const writeClipboard = vi.fn();
  const submitTicket = vi.fn(async (_form: GetHelpForm): Promise<SubmitTicketResult> => ({ ticket, queued: false }));
  const replyToTicket = vi.fn(async (_id: string, _body: string) => ticket);
  const removeScreenshot = vi.fn();
  const answerFix = vi.fn((_runId: string, _decision: string) => true);
  const view = { language: 'en', languageChoice: null, siteLanguage: null, branding: null } as const;
  const appearance = vi.fn(async () => view);
  const setLanguage = vi.fn(async (language: 'en' | 'fr' | 'de' | 'es' | null) => ({ ...view, languageChoice: language }));
  const searchArticles = vi.fn(async (_q: string, _purpose: 'suggest' | 'browse') => ({ articles: [], offline: false }));
  const articleSolvedIt = vi.fn(async (_id: string, _subject: string) => undefined);
  const articleFeedback = vi.fn(async (_id: string, _helpful: boolean, _comment: string) => undefined);
  const map = createIpcHandlers({
    thisComputer: async () => info,
    helpDesk: () => ({ name: 'IT', email: null, phone: '+1 555 0100', url: null }),
    writeClipboard,
    diagnosticsPreview: async () => ({ collectedAt: 'x' }) as DiagnosticsView,
    screenshot: () => ({ dataUrl: 'data:image/jpeg;base64,AA==', width: 1, height: 1, bytes: 1 }),
    removeScreenshot,
    submitTicket,
    listMyTickets: async () => [ticket],
    replyToTicket,
    confirmFix: vi.fn(async () => ticket),
    rateTicket: vi.fn(async () => ticket),
    checkConnection: async () => ({ checkedAt: 'x' }) as ConnectivityView,
    appearance,
    setLanguage,
    listPendingFixes: () => [],
    answerFix,
    searchArticles,
    listArticles: async () => ({ articles: [], offline: false, syncedAt: null }),
    getArticle: async () => null,
    articleSolvedIt,
    articleFeedback,
  });
  return { map, writeClipboard, submitTicket, replyToTicket, removeScreenshot, setLanguage, answerFix, searchArticles, articleSolvedIt, articleFeedback };
}

describe('IPC argument validation', () => {
  it('copies a bounded string', async () => {
    const { map, writeClipboard } = handlers();
    await map[IPC_INVOKE_CHANNELS.copyToClipboard]('Computer name: PC-042');
    expect(writeClipboard).toHaveBeenCalledWith('Computer name: PC-042');
  });

  it.each([
    ['a number', [42]],
    ['an object', [{ toString: () => 'x' }]],
    ['nothing', []],
    ['two strings', ['a', 'b']],
    ['a string over the limit', ['x'.repeat(CLIPBOARD_MAX_CHARS + 1)]],
    ['null', [null]],
  ])('refuses copyToClipboard(%s) and writes nothing', async (_name, args) => {
    const { map, writeClipboard } = handlers();
    await expect(async () => map[IPC_INVOKE_CHANNELS.copyToClipboard](...args)).rejects.toThrow(InvalidIpcArguments);
    expect(writeClipboard).not.toHaveBeenCalled();
  });

  it.each([
    IPC_INVOKE_CHANNELS.getThisComputer,
    IPC_INVOKE_CHANNELS.getHelpDesk,
    IPC_INVOKE_CHANNELS.getDiagnosticsPreview,
    IPC_INVOKE_CHANNELS.getScreenshot,
    IPC_INVOKE_CHANNELS.listMyTickets,
    IPC_INVOKE_CHANNELS.checkConnection,
  ])('%s takes no arguments', async (channel) => {
    const { map } = handlers();
    await expect(async () => map[channel]('unexpected')).rejects.toThrow(InvalidIpcArguments);
    await expect(Promise.resolve(map[channel]())).resolves.toBeTruthy();
  });

  it('never echoes the refused value in the error', async () => {
    const { map } = handlers();
    await expect(async () => map[IPC_INVOKE_CHANNELS.copyToClipboard](12345678)).rejects.toThrow(/^invalid arguments for clipboard:copy$/);
  });

  it('submits a valid form, trimmed, and nothing else', async () => {
    const { map, submitTicket } = handlers();
    await map[IPC_INVOKE_CHANNELS.submitTicket]({ ...FORM, subject: '  Printer jams  ' });
    expect(submitTicket).toHaveBeenCalledWith(FORM);
  });

  it.each<[string, unknown[]]>([
    ['no form', []],
    ['a string', ['help']],
    ['an empty subject', [{ ...FORM, subject: '   ' }]],
    ['a subject over the limit', [{ ...FORM, subject: 'x'.repeat(SUBJECT_MAX_CHARS + 1) }]],
    ['a description over the limit', [{ ...FORM, description: 'x'.repeat(BODY_MAX_CHARS + 1) }]],
    ['an unknown category', [{ ...FORM, category: 'coffee' }]],
    ['an unknown urgency', [{ ...FORM, urgency: 'asap' }]],
    ['an unknown impact', [{ ...FORM, impact: 'world' }]],
    ['a non-boolean screenshot flag', [{ ...FORM, includeScreenshot: 'yes' }]],
    ['an extra field', [{ ...FORM, diagnostics: { secret: 1 } }]],
    ['a missing field', [{ subject: 'x', description: 'y' }]],
    ['two forms', [FORM, FORM]],
  ])('refuses submitTicket(%s) and queues nothing', async (_name, args) => {
    const { map, submitTicket } = handlers();
    await expect(async () => map[IPC_INVOKE_CHANNELS.submitTicket](...args)).rejects.toThrow(InvalidIpcArguments);
    expect(submitTicket).not.toHaveBeenCalled();
  });

  it('replies to a ticket by id', async () => {
    const { map, replyToTicket } = handlers();
    await map[IPC_INVOKE_CHANNELS.replyToTicket](TICKET_ID, ' Thanks ');
    expect(replyToTicket).toHaveBeenCalledWith(TICKET_ID, 'Thanks');
  });

  it.each<[string, unknown[]]>([
    ['nothing', []],
    ['a path as id', ['../../etc/passwd', 'x']],
    ['a number as id', [42, 'x']],
    ['an empty body', [TICKET_ID, '  ']],
    ['a body over the limit', [TICKET_ID, 'x'.repeat(BODY_MAX_CHARS + 1)]],
    ['an object body', [TICKET_ID, { body: 'x' }]],
    ['three arguments', [TICKET_ID, 'x', 'y']],
  ])('refuses replyToTicket(%s)', async (_name, args) => {
    const { map, replyToTicket } = handlers();
    await expect(async () => map[IPC_INVOKE_CHANNELS.replyToTicket](...args)).rejects.toThrow(InvalidIpcArguments);
    expect(replyToTicket).not.toHaveBeenCalled();
  });

  it('sets a supported language or none, and refuses anything else', async () => {
    const { map, setLanguage } = handlers();
    await map[IPC_INVOKE_CHANNELS.setLanguage]('de');
    await map[IPC_INVOKE_CHANNELS.setLanguage](null);
    expect(setLanguage.mock.calls).toEqual([['de'], [null]]);
    for (const bad of ['klingon', 'de-DE', 1, undefined]) await expect(async () => map[IPC_INVOKE_CHANNELS.setLanguage](bad)).rejects.toThrow();
    expect(setLanguage).toHaveBeenCalledTimes(2);
  });

  it('answers a fix by run id with one of the three decisions, and refuses anything else', async () => {
    const { map, answerFix } = handlers();
    const runId = '01JF0000000000000000000R01';
    expect(await map[IPC_INVOKE_CHANNELS.answerFix]?.(runId, 'approve')).toBe(true);
    expect(answerFix).toHaveBeenCalledWith(runId, 'approve');
    for (const args of [[runId, 'run'], ['../etc', 'approve'], [runId], [runId, 'approve', 'extra']]) {
      await expect(Promise.resolve().then(() => map[IPC_INVOKE_CHANNELS.answerFix]?.(...args))).rejects.toThrow();
    }
    expect(answerFix).toHaveBeenCalledTimes(1);
  });

  it('passes the help articles read with a form, ids only', async () => {
    const { map, submitTicket } = handlers();
    await map[IPC_INVOKE_CHANNELS.submitTicket]({ ...FORM, articlesRead: [TICKET_ID] });
    expect(submitTicket).toHaveBeenCalledWith({ ...FORM, articlesRead: [TICKET_ID] });
    await expect(async () => map[IPC_INVOKE_CHANNELS.submitTicket]({ ...FORM, articlesRead: ['../x'] })).rejects.toThrow(InvalidIpcArguments);
    await expect(async () => map[IPC_INVOKE_CHANNELS.submitTicket]({ ...FORM, articlesRead: Array(11).fill(TICKET_ID) })).rejects.toThrow(InvalidIpcArguments);
  });

  it('searches help articles with a bounded query and a known purpose', async () => {
    const { map, searchArticles } = handlers();
    await map[IPC_INVOKE_CHANNELS.searchArticles]('printer jam', 'suggest');
    expect(searchArticles).toHaveBeenCalledWith('printer jam', 'suggest');
    for (const args of [['x'.repeat(201), 'suggest'], ['vpn', 'log-everything'], [42, 'browse'], ['vpn']]) {
      await expect(async () => map[IPC_INVOKE_CHANNELS.searchArticles](...args)).rejects.toThrow(InvalidIpcArguments);
    }
    expect(searchArticles).toHaveBeenCalledTimes(1);
  });

  it('records "This solved it" and feedback only for an article id, with bounded text', async () => {
    const { map, articleSolvedIt, articleFeedback } = handlers();
    await map[IPC_INVOKE_CHANNELS.articleSolvedIt](TICKET_ID, 'VPN fails');
    await map[IPC_INVOKE_CHANNELS.articleFeedback](TICKET_ID, false, 'Which tray?');
    expect(articleSolvedIt).toHaveBeenCalledWith(TICKET_ID, 'VPN fails');
    expect(articleFeedback).toHaveBeenCalledWith(TICKET_ID, false, 'Which tray?');
    await expect(async () => map[IPC_INVOKE_CHANNELS.articleSolvedIt]('<script>', 'x')).rejects.toThrow(InvalidIpcArguments);
    await expect(async () => map[IPC_INVOKE_CHANNELS.articleFeedback](TICKET_ID, 'yes', '')).rejects.toThrow(InvalidIpcArguments);
    await expect(async () => map[IPC_INVOKE_CHANNELS.articleFeedback](TICKET_ID, true, 'x'.repeat(1001))).rejects.toThrow(InvalidIpcArguments);
    expect(articleFeedback).toHaveBeenCalledTimes(1);
  });

  it('removeScreenshot takes no arguments', async () => {
    const { map, removeScreenshot } = handlers();
    await expect(async () => map[IPC_INVOKE_CHANNELS.removeScreenshot]('all')).rejects.toThrow(InvalidIpcArguments);
    expect(removeScreenshot).not.toHaveBeenCalled();
    await map[IPC_INVOKE_CHANNELS.removeScreenshot]();
    expect(removeScreenshot).toHaveBeenCalledTimes(1);
  });
});
