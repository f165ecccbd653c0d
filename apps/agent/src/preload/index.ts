/**
 * The tray's preload. It runs sandboxed, so it is compiled to CommonJS and may require nothing but
 * `electron`: the channel names are inlined below and type-checked against `common/` (types only,
 * erased at compile time). It exposes named methods, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  AGENT_CONNECTION_STATUSES,
  ArticleLibraryView,
  ArticleSearchPurpose,
  ArticleSearchView,
  ArticleView,
  AgentConnectionStatus,
  AppearanceView,
  Language,
  ConnectivityView,
  DesksideAgentBridge,
  DiagnosticsView,
  GetHelpForm,
  HelpDeskContact,
  MyTicketView,
  Satisfaction,
  ScreenshotPreview,
  SubmitTicketResult,
  ThisComputerInfo,
  PendingFixView,
  FixDecision,
} from '../common/bridge-api.js';
import type { IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';

const INVOKE = {
  getThisComputer: 'this-computer:get',
  getHelpDesk: 'help-desk:get',
  copyToClipboard: 'clipboard:copy',
  getDiagnosticsPreview: 'diagnostics:preview',
  getScreenshot: 'screenshot:get',
  removeScreenshot: 'screenshot:remove',
  submitTicket: 'ticket:submit',
  listMyTickets: 'tickets:list',
  replyToTicket: 'ticket:reply',
  confirmFix: 'ticket:confirm',
  rateTicket: 'ticket:rate',
  checkConnection: 'connection:check',
  getAppearance: 'appearance:get',
  setLanguage: 'appearance:language',
  listPendingFixes: 'fixes:pending',
  answerFix: 'fixes:answer',
  searchArticles: 'articles:search',
  listArticles: 'articles:list',
  getArticle: 'article:get',
  articleSolvedIt: 'article:solved',
  articleFeedback: 'article:feedback',
} as const satisfies typeof IPC_INVOKE_CHANNELS;

const EVENTS = { status: 'agent:status', ticketUpdated: 'ticket:updated', showTicket: 'ticket:show', appearance: 'appearance:changed', pendingFixes: 'fixes:changed' } as const satisfies typeof IPC_EVENT_CHANNELS;

const STATUSES: readonly string[] = [
  'starting',
  'not-configured',
  'connected',
  'offline',
  'error',
] satisfies typeof AGENT_CONNECTION_STATUSES;

const isStatus = (value: unknown): value is AgentConnectionStatus => typeof value === 'string' && STATUSES.includes(value);
const ID = /^[0-9A-Za-z-]{26,36}$/;
const LANGUAGES: readonly string[] = ['en', 'fr', 'de', 'es'];
const isAppearance = (value: unknown): value is AppearanceView =>
  typeof value === 'object' && value !== null && LANGUAGES.includes(String((value as { language?: unknown }).language));
const isTicket = (value: unknown): value is MyTicketView =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && Array.isArray((value as { messages?: unknown }).messages);

const isPendingFixes = (value: unknown): value is PendingFixView[] => Array.isArray(value) && value.every((f) => typeof f === 'object' && f !== null && typeof (f as { runId?: unknown }).runId === 'string');

/** Subscribes to a main → renderer push; the event object (and its `sender`) never reaches the page. */
function subscribe<T>(channel: string, accept: (value: unknown) => value is T, callback: (value: T) => void): () => void {
  const listener = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) callback(value);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

export const api = {
  getThisComputer: (): Promise<ThisComputerInfo> => ipcRenderer.invoke(INVOKE.getThisComputer),
  getHelpDesk: (): Promise<HelpDeskContact | null> => ipcRenderer.invoke(INVOKE.getHelpDesk),
  copyToClipboard: async (text: string) => {
    await ipcRenderer.invoke(INVOKE.copyToClipboard, String(text));
  },
  onStatus: (callback: (status: AgentConnectionStatus) => void) => subscribe(EVENTS.status, isStatus, callback),
  getDiagnosticsPreview: (): Promise<DiagnosticsView> => ipcRenderer.invoke(INVOKE.getDiagnosticsPreview),
  getScreenshot: (): Promise<ScreenshotPreview | null> => ipcRenderer.invoke(INVOKE.getScreenshot),
  removeScreenshot: async () => {
    await ipcRenderer.invoke(INVOKE.removeScreenshot);
  },
  // Copied field by field: only the form's own fields cross, whatever object the page passes.
  submitTicket: (form: GetHelpForm): Promise<SubmitTicketResult> =>
    ipcRenderer.invoke(INVOKE.submitTicket, {
      subject: form.subject,
      description: form.description,
      category: form.category,
      urgency: form.urgency,
      impact: form.impact,
      includeScreenshot: form.includeScreenshot,
      ...(Array.isArray(form.articlesRead) ? { articlesRead: form.articlesRead.map(String) } : {}),
    }),
  listMyTickets: (): Promise<MyTicketView[]> => ipcRenderer.invoke(INVOKE.listMyTickets),
  replyToTicket: (ticketId: string, body: string): Promise<MyTicketView> => ipcRenderer.invoke(INVOKE.replyToTicket, String(ticketId), String(body)),
  confirmFix: (ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicketView> =>
    ipcRenderer.invoke(INVOKE.confirmFix, String(ticketId), fixed === true, comment === null ? null : String(comment)),
  rateTicket: (ticketId: string, rating: Satisfaction, comment: string | null): Promise<MyTicketView> =>
    ipcRenderer.invoke(INVOKE.rateTicket, String(ticketId), String(rating), comment === null ? null : String(comment)),
  checkConnection: (): Promise<ConnectivityView> => ipcRenderer.invoke(INVOKE.checkConnection),
  onTicketUpdated: (callback: (ticket: MyTicketView) => void) => subscribe(EVENTS.ticketUpdated, isTicket, callback),
  onShowTicket: (callback: (ticketId: string) => void) =>
    subscribe(EVENTS.showTicket, (value): value is string => typeof value === 'string' && ID.test(value), callback),
  getAppearance: (): Promise<AppearanceView> => ipcRenderer.invoke(INVOKE.getAppearance),
  setLanguage: (language: Language | null): Promise<AppearanceView> => ipcRenderer.invoke(INVOKE.setLanguage, language === null ? null : String(language)),
  onAppearance: (callback: (appearance: AppearanceView) => void) => subscribe(EVENTS.appearance, isAppearance, callback),
  listPendingFixes: (): Promise<PendingFixView[]> => ipcRenderer.invoke(INVOKE.listPendingFixes),
  answerFix: (runId: string, decision: FixDecision): Promise<boolean> => ipcRenderer.invoke(INVOKE.answerFix, String(runId), String(decision)),
  onPendingFixes: (callback: (pending: PendingFixView[]) => void) => subscribe(EVENTS.pendingFixes, isPendingFixes, callback),
  searchArticles: (query: string, purpose: ArticleSearchPurpose): Promise<ArticleSearchView> => ipcRenderer.invoke(INVOKE.searchArticles, String(query), String(purpose)),
  listArticles: (): Promise<ArticleLibraryView> => ipcRenderer.invoke(INVOKE.listArticles),
  getArticle: (articleId: string): Promise<ArticleView | null> => ipcRenderer.invoke(INVOKE.getArticle, String(articleId)),
  articleSolvedIt: async (articleId: string, subject: string) => {
    await ipcRenderer.invoke(INVOKE.articleSolvedIt, String(articleId), String(subject));
  },
  articleFeedback: async (articleId: string, helpful: boolean, comment: string) => {
    await ipcRenderer.invoke(INVOKE.articleFeedback, String(articleId), helpful === true, String(comment));
  },
} satisfies DesksideAgentBridge;

contextBridge.exposeInMainWorld('deskside', api);
