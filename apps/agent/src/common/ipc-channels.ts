/**
 * The fixed list of IPC channels between the tray's renderer windows and its main process.
 * The IPC manager registers handlers for these and nothing else; the preload inlines the same
 * values (a sandboxed preload cannot require a sibling file) and is type-checked against them.
 */
export const IPC_INVOKE_CHANNELS = {
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
} as const;

/** Main → renderer pushes. */
export const IPC_EVENT_CHANNELS = {
  status: 'agent:status',
  ticketUpdated: 'ticket:updated',
  showTicket: 'ticket:show',
  appearance: 'appearance:changed',
  pendingFixes: 'fixes:changed',
} as const;

export type IpcInvokeChannel = (typeof IPC_INVOKE_CHANNELS)[keyof typeof IPC_INVOKE_CHANNELS];
export type IpcEventChannel = (typeof IPC_EVENT_CHANNELS)[keyof typeof IPC_EVENT_CHANNELS];

/** Every channel `ipcMain.handle` may know, in one list. */
export const INVOKE_CHANNEL_LIST: readonly IpcInvokeChannel[] = Object.values(IPC_INVOKE_CHANNELS);
