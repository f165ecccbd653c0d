import { InvalidIpcArguments, parseIpcArgs } from '@deskside/electron-common/rules';
import { z } from 'zod';
import {
  ARTICLE_COMMENT_MAX_CHARS,
  ARTICLE_QUERY_MAX_CHARS,
  ARTICLE_SEARCH_PURPOSES,
  type ArticleLibraryView,
  type ArticleSearchPurpose,
  type ArticleSearchView,
  type ArticleView,
  BODY_MAX_CHARS,
  CLIPBOARD_MAX_CHARS,
  SUBJECT_MAX_CHARS,
  TICKET_CATEGORIES,
  TICKET_LEVELS,
  LANGUAGE_CODES,
  RATING_COMMENT_MAX_CHARS,
  SATISFACTIONS,
  type Satisfaction,
  FIX_DECISIONS,
  type FixDecision,
  type PendingFixView,
  type AppearanceView,
  type ConnectivityView,
  type Language,
  type DiagnosticsView,
  type GetHelpForm,
  type HelpDeskContact,
  type MyTicketView,
  type ScreenshotPreview,
  type SubmitTicketResult,
  type ThisComputerInfo,
} from '../common/bridge-api.js';
import { IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';
import type { IpcHandlers } from './ipc.js';

const ID = z.string().regex(/^([0-9A-HJKMNP-TV-Z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i);
const text = (max: number) => z.string().trim().min(1).max(max);

/** The Get help form as main accepts it: exactly these fields, bounded, enums checked. */
export const GetHelpFormSchema = z.strictObject({
  subject: text(SUBJECT_MAX_CHARS),
  description: text(BODY_MAX_CHARS),
  category: z.enum(TICKET_CATEGORIES as [string, ...string[]]).transform((c) => c as GetHelpForm['category']),
  urgency: z.enum(TICKET_LEVELS as [string, ...string[]]).transform((l) => l as GetHelpForm['urgency']),
  impact: z.enum(TICKET_LEVELS as [string, ...string[]]).transform((l) => l as GetHelpForm['impact']),
  includeScreenshot: z.boolean(),
  articlesRead: z.array(ID).max(10).optional(),
});

/** Argument lists, parsed in main: the renderer is a trust boundary like any network peer. */
export const IPC_ARGUMENT_SCHEMAS = {
  [IPC_INVOKE_CHANNELS.getThisComputer]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.getHelpDesk]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.copyToClipboard]: z.tuple([z.string().max(CLIPBOARD_MAX_CHARS)]),
  [IPC_INVOKE_CHANNELS.getDiagnosticsPreview]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.getScreenshot]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.removeScreenshot]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.submitTicket]: z.tuple([GetHelpFormSchema]),
  [IPC_INVOKE_CHANNELS.listMyTickets]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.replyToTicket]: z.tuple([ID, text(BODY_MAX_CHARS)]),
  // "Not fixed" needs the employee's words; "fixed" may say thanks or nothing.
  [IPC_INVOKE_CHANNELS.confirmFix]: z.tuple([ID, z.boolean(), z.string().trim().max(BODY_MAX_CHARS).nullable()]).refine(([, fixed, comment]) => fixed || Boolean(comment), { message: 'a comment is required' }),
  [IPC_INVOKE_CHANNELS.rateTicket]: z.tuple([ID, z.enum(SATISFACTIONS as [Satisfaction, ...Satisfaction[]]), z.string().trim().max(RATING_COMMENT_MAX_CHARS).nullable()]),
  [IPC_INVOKE_CHANNELS.checkConnection]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.getAppearance]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.setLanguage]: z.tuple([z.enum(LANGUAGE_CODES as [Language, ...Language[]]).nullable()]),
  [IPC_INVOKE_CHANNELS.listPendingFixes]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.answerFix]: z.tuple([ID, z.enum(FIX_DECISIONS as [FixDecision, ...FixDecision[]])]),
  [IPC_INVOKE_CHANNELS.searchArticles]: z.tuple([z.string().max(ARTICLE_QUERY_MAX_CHARS), z.enum(ARTICLE_SEARCH_PURPOSES as [ArticleSearchPurpose, ...ArticleSearchPurpose[]])]),
  [IPC_INVOKE_CHANNELS.listArticles]: z.tuple([]),
  [IPC_INVOKE_CHANNELS.getArticle]: z.tuple([ID]),
  [IPC_INVOKE_CHANNELS.articleSolvedIt]: z.tuple([ID, z.string().max(SUBJECT_MAX_CHARS)]),
  [IPC_INVOKE_CHANNELS.articleFeedback]: z.tuple([ID, z.boolean(), z.string().max(ARTICLE_COMMENT_MAX_CHARS)]),
} as const;

export interface HandlerDeps {
  thisComputer: () => Promise<ThisComputerInfo>;
  helpDesk: () => HelpDeskContact | null;
  writeClipboard: (text: string) => void;
  diagnosticsPreview: () => Promise<DiagnosticsView>;
  screenshot: () => ScreenshotPreview | null;
  removeScreenshot: () => void;
  submitTicket: (form: GetHelpForm) => Promise<SubmitTicketResult>;
  listMyTickets: () => Promise<MyTicketView[]>;
  replyToTicket: (ticketId: string, body: string) => Promise<MyTicketView>;
  confirmFix: (ticketId: string, fixed: boolean, comment: string | null) => Promise<MyTicketView>;
  rateTicket: (ticketId: string, rating: Satisfaction, comment: string | null) => Promise<MyTicketView>;
  checkConnection: () => Promise<ConnectivityView>;
  appearance: () => Promise<AppearanceView>;
  setLanguage: (language: Language | null) => Promise<AppearanceView>;
  listPendingFixes: () => PendingFixView[];
  answerFix: (runId: string, decision: FixDecision) => boolean;
  searchArticles: (query: string, purpose: ArticleSearchPurpose) => Promise<ArticleSearchView>;
  listArticles: () => Promise<ArticleLibraryView>;
  getArticle: (articleId: string) => Promise<ArticleView | null>;
  articleSolvedIt: (articleId: string, subject: string) => Promise<void>;
  articleFeedback: (articleId: string, helpful: boolean, comment: string) => Promise<void>;
}

export { InvalidIpcArguments };

/** The tray's handler map, one entry per channel of the fixed list. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const c = IPC_INVOKE_CHANNELS;
  const s = IPC_ARGUMENT_SCHEMAS;
  return {
    [c.getThisComputer]: async (...args: unknown[]) => {
      parseIpcArgs(c.getThisComputer, s[c.getThisComputer], args);
      return deps.thisComputer();
    },
    [c.getHelpDesk]: (...args: unknown[]) => {
      parseIpcArgs(c.getHelpDesk, s[c.getHelpDesk], args);
      return deps.helpDesk();
    },
    [c.copyToClipboard]: (...args: unknown[]) => {
      const [text] = parseIpcArgs(c.copyToClipboard, s[c.copyToClipboard], args);
      deps.writeClipboard(text);
    },
    [c.getDiagnosticsPreview]: async (...args: unknown[]) => {
      parseIpcArgs(c.getDiagnosticsPreview, s[c.getDiagnosticsPreview], args);
      return deps.diagnosticsPreview();
    },
    [c.getScreenshot]: (...args: unknown[]) => {
      parseIpcArgs(c.getScreenshot, s[c.getScreenshot], args);
      return deps.screenshot();
    },
    [c.removeScreenshot]: (...args: unknown[]) => {
      parseIpcArgs(c.removeScreenshot, s[c.removeScreenshot], args);
      deps.removeScreenshot();
    },
    [c.submitTicket]: async (...args: unknown[]) => {
      const [form] = parseIpcArgs(c.submitTicket, s[c.submitTicket], args);
      return deps.submitTicket(form);
    },
    [c.listMyTickets]: async (...args: unknown[]) => {
      parseIpcArgs(c.listMyTickets, s[c.listMyTickets], args);
      return deps.listMyTickets();
    },
    [c.replyToTicket]: async (...args: unknown[]) => {
      const [ticketId, body] = parseIpcArgs(c.replyToTicket, s[c.replyToTicket], args);
      return deps.replyToTicket(ticketId, body);
    },
    [c.confirmFix]: async (...args: unknown[]) => {
      const [ticketId, fixed, comment] = parseIpcArgs(c.confirmFix, s[c.confirmFix], args);
      return deps.confirmFix(ticketId, fixed, comment || null);
    },
    [c.rateTicket]: async (...args: unknown[]) => {
      const [ticketId, rating, comment] = parseIpcArgs(c.rateTicket, s[c.rateTicket], args);
      return deps.rateTicket(ticketId, rating, comment || null);
    },
    [c.checkConnection]: async (...args: unknown[]) => {
      parseIpcArgs(c.checkConnection, s[c.checkConnection], args);
      return deps.checkConnection();
    },
    [c.getAppearance]: async (...args: unknown[]) => {
      parseIpcArgs(c.getAppearance, s[c.getAppearance], args);
      return deps.appearance();
    },
    [c.setLanguage]: async (...args: unknown[]) => {
      const [language] = parseIpcArgs(c.setLanguage, s[c.setLanguage], args);
      return deps.setLanguage(language);
    },
    [c.listPendingFixes]: (...args: unknown[]) => {
      parseIpcArgs(c.listPendingFixes, s[c.listPendingFixes], args);
      return deps.listPendingFixes();
    },
    [c.answerFix]: (...args: unknown[]) => {
      const [runId, decision] = parseIpcArgs(c.answerFix, s[c.answerFix], args);
      return deps.answerFix(runId, decision);
    },
    [c.searchArticles]: async (...args: unknown[]) => {
      const [query, purpose] = parseIpcArgs(c.searchArticles, s[c.searchArticles], args);
      return deps.searchArticles(query, purpose);
    },
    [c.listArticles]: async (...args: unknown[]) => {
      parseIpcArgs(c.listArticles, s[c.listArticles], args);
      return deps.listArticles();
    },
    [c.getArticle]: async (...args: unknown[]) => {
      const [articleId] = parseIpcArgs(c.getArticle, s[c.getArticle], args);
      return deps.getArticle(articleId);
    },
    [c.articleSolvedIt]: async (...args: unknown[]) => {
      const [articleId, subject] = parseIpcArgs(c.articleSolvedIt, s[c.articleSolvedIt], args);
      await deps.articleSolvedIt(articleId, subject);
    },
    [c.articleFeedback]: async (...args: unknown[]) => {
      const [articleId, helpful, comment] = parseIpcArgs(c.articleFeedback, s[c.articleFeedback], args);
      await deps.articleFeedback(articleId, helpful, comment);
    },
  };
}
