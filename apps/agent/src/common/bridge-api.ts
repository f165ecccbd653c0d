/**
 * What the tray's renderer sees as `window.deskside`: the one narrow interface between the UI and
 * the agent (see DESIGN.md, "Where the agent runs"). The preload object `satisfies` this type, so
 * the bridge and its type cannot drift. Only calls that are implemented are declared here.
 * Enums and limits the hub checks come from the protocol, never copied.
 */
import {
  EMPLOYEE_LANGUAGES,
  LIMITS,
  SatisfactionSchema,
  TICKET_BODY_MAX_CHARS,
  TICKET_SUBJECT_MAX_CHARS,
  TicketCategorySchema,
  UrgencySchema,
  type EmployeeLanguage,
  type Priority,
  type Satisfaction as ProtocolSatisfaction,
  type TicketCategory as ProtocolTicketCategory,
  type TicketStatus as ProtocolTicketStatus,
  type Urgency,
} from '@deskside/protocol';

/** Where the agent stands with its hub. */
export type AgentConnectionStatus = 'starting' | 'not-configured' | 'connected' | 'offline' | 'error';

/** What a technician asks on the phone: "what is your computer called, what is your IP?" */
export interface ThisComputerInfo {
  hostname: string;
  user: string;
  /** Non-internal IPv4 first, then IPv6. */
  ipAddresses: string[];
  /** `null` when it could not be read (virtual machines often have none). */
  serialNumber: string | null;
  /** e.g. "Windows 11 Pro 23H2", "Ubuntu 24.04 LTS". */
  os: string;
  /** Assigned by the hub at enrolment; `null` until then. */
  deviceId: string | null;
  status: AgentConnectionStatus;
}

/** How employees reach their help desk, as the administrator wrote it in the agent's config file. */
export interface HelpDeskContact {
  name: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
}

export interface DesksideAgentBridge {
  getThisComputer(): Promise<ThisComputerInfo>;
  /** `null` when no contact was configured. */
  getHelpDesk(): Promise<HelpDeskContact | null>;
  /** Copies plain text (bounded in length) to the system clipboard. */
  copyToClipboard(text: string): Promise<void>;
  /** Called with every status change; returns an unsubscribe function. */
  onStatus(callback: (status: AgentConnectionStatus) => void): () => void;
  /** What would be attached to a ticket now (with a connectivity check taken now). */
  getDiagnosticsPreview(): Promise<DiagnosticsView>;
  /** The screenshot main took just before the Get help window opened; `null` if none (or removed). */
  getScreenshot(): Promise<ScreenshotPreview | null>;
  /** Drops the screenshot: it will not be attached. */
  removeScreenshot(): Promise<void>;
  /** Queues the ticket (durable at once) with the diagnostics shown and the screenshot if kept. */
  submitTicket(form: GetHelpForm): Promise<SubmitTicketResult>;
  listMyTickets(): Promise<MyTicketView[]>;
  /** The employee answers; a reply reopens a resolved ticket. */
  replyToTicket(ticketId: string, body: string): Promise<MyTicketView>;
  /** "Is this fixed?": yes closes the resolved ticket; no (with a comment) reopens it. */
  confirmFix(ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicketView>;
  /** One-click satisfaction rating, with an optional comment. */
  rateTicket(ticketId: string, rating: Satisfaction, comment: string | null): Promise<MyTicketView>;
  checkConnection(): Promise<ConnectivityView>;
  /** Called when one of the employee's tickets changes (queued, sent, answered…). */
  onTicketUpdated(callback: (ticket: MyTicketView) => void): () => void;
  /** Called when a notification asks the open My tickets window to show a ticket. */
  onShowTicket(callback: (ticketId: string) => void): () => void;
  /** The language to speak and the help desk's branding (from the hub, per site). */
  getAppearance(): Promise<AppearanceView>;
  /** The employee's own language (`null`: follow the help desk's default, then the OS). */
  setLanguage(language: Language | null): Promise<AppearanceView>;
  /** Called when the language or the branding changes. */
  onAppearance(callback: (appearance: AppearanceView) => void): () => void;
  /** Fixes the help desk asks to run on this computer, waiting for the employee's answer. */
  listPendingFixes(): Promise<PendingFixView[]>;
  /** Approve, decline or put off a fix; false when it is no longer waiting. */
  answerFix(runId: string, decision: FixDecision): Promise<boolean>;
  /** Called when the fixes waiting for an answer change. */
  onPendingFixes(callback: (pending: PendingFixView[]) => void): () => void;
  /** The best help articles for what the employee typed (the hub's ranking, else the offline copy). */
  searchArticles(query: string, purpose: ArticleSearchPurpose): Promise<ArticleSearchView>;
  /** Every help article kept on this PC, for browsing. */
  listArticles(): Promise<ArticleLibraryView>;
  /** One article to read; `null` when it is not (or no longer) available. */
  getArticle(articleId: string): Promise<ArticleView | null>;
  /** "This solved it": the request ends without a ticket (the help desk counts it). */
  articleSolvedIt(articleId: string, subject: string): Promise<void>;
  /** "Was this helpful?", with an optional comment. */
  articleFeedback(articleId: string, helpful: boolean, comment: string): Promise<void>;
}

// ---- Consented fixes ------------------------------------------------------------------------

export type FixDecision = 'approve' | 'decline' | 'defer';
export const FIX_DECISIONS: readonly FixDecision[] = ['approve', 'decline', 'defer'];

/** A fix waiting for the employee (agent-core's PendingFix): what, by whom, why, until when. */
export interface PendingFixView {
  runId: string;
  /** The catalogue's action id; the window words it in the employee's language. */
  action: string;
  params: Record<string, boolean | number | string>;
  requestedBy: string;
  /** The ticket's number and subject. */
  reason: string;
  ticketId: string | null;
  answerBy: string;
}

// ---- Help articles --------------------------------------------------------------------------

/** `suggest`: typed into Get help (not logged); `browse`: searched in Help articles (counts toward content gaps). */
export type ArticleSearchPurpose = 'suggest' | 'browse';
export const ARTICLE_SEARCH_PURPOSES: readonly ArticleSearchPurpose[] = ['suggest', 'browse'];
/** Longest search text the window sends. */
export const ARTICLE_QUERY_MAX_CHARS = 200;
export const ARTICLE_COMMENT_MAX_CHARS = 1000;

/** An article in a list: what to show before it is opened. */
export interface ArticleCardView {
  id: string;
  title: string;
  category: string;
  /** Plain text from the start of the body. */
  excerpt: string;
  updatedAt: string;
}

/** An article to read: its body is Markdown, rendered by the window's safe renderer. */
export interface ArticleView {
  id: string;
  title: string;
  body: string;
  category: string;
  tags: string[];
  updatedAt: string;
}

export interface ArticleSearchView {
  articles: ArticleCardView[];
  /** True when the help desk could not be asked: results come from the copy on this PC. */
  offline: boolean;
}

export interface ArticleLibraryView {
  articles: ArticleCardView[];
  offline: boolean;
  /** When the copy on this PC was last brought up to date; `null`: never. */
  syncedAt: string | null;
}

// ---- Language and branding ------------------------------------------------------------------

export type Language = EmployeeLanguage;
export const LANGUAGE_CODES: readonly Language[] = EMPLOYEE_LANGUAGES;

/** The help desk's look and contacts, as the hub's administrator set them for this PC's site. */
export interface BrandingView {
  companyName: string | null;
  /** A PNG/JPEG/WebP data URL (sniffed and size-capped by the hub). */
  logoDataUrl: string | null;
  /** `#rrggbb`, checked by the hub for contrast with white text. */
  accentColor: string | null;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
}

export interface AppearanceView {
  /** What to speak now: the employee's choice, else the site's default, else the OS's, else English. */
  language: Language;
  languageChoice: Language | null;
  siteLanguage: Language | null;
  branding: BrandingView | null;
}

// ---- Get help and My tickets ----------------------------------------------------------------
// The view shapes are the tray's own; their enums and limits are the protocol's (the sandboxed
// preload imports this file for types only, so nothing of the protocol reaches it at run time).

export type TicketCategory = ProtocolTicketCategory;
export type TicketLevel = Urgency;
export type TicketStatus = ProtocolTicketStatus;
export type TicketPriority = Priority;
export type Satisfaction = ProtocolSatisfaction;
export const SATISFACTIONS: readonly Satisfaction[] = SatisfactionSchema.options;
/** Longest rating comment the hub accepts. */
export const RATING_COMMENT_MAX_CHARS = LIMITS.longText;

export const TICKET_CATEGORIES: readonly TicketCategory[] = TicketCategorySchema.options;
export const TICKET_LEVELS: readonly TicketLevel[] = UrgencySchema.options;

/** Longest subject and description/reply the hub accepts. */
export const SUBJECT_MAX_CHARS = TICKET_SUBJECT_MAX_CHARS;
export const BODY_MAX_CHARS = TICKET_BODY_MAX_CHARS;

/** The Get help form, as the window sends it. */
export interface GetHelpForm {
  subject: string;
  description: string;
  category: TicketCategory;
  urgency: TicketLevel;
  impact: TicketLevel;
  includeScreenshot: boolean;
  /** Help articles the employee opened before sending anyway (the technician sees them). */
  articlesRead?: string[];
}

export interface SubmitTicketResult {
  ticket: MyTicketView;
  /** True when the help desk cannot be reached now: the ticket waits and is sent later. */
  queued: boolean;
}

/** The screenshot as the window previews it (JPEG or PNG data URL, ≤ ~1 MB). */
export interface ScreenshotPreview {
  dataUrl: string;
  width: number;
  height: number;
  bytes: number;
}

export interface MyTicketMessageView {
  id: string;
  at: string;
  from: 'employee' | 'technician' | 'system';
  author: string;
  body: string;
  pending: boolean;
}

export interface MyTicketView {
  id: string;
  number: number | null;
  subject: string;
  category: TicketCategory;
  status: TicketStatus;
  priority: TicketPriority;
  delivery: 'queued' | 'sent' | 'failed';
  createdAt: string;
  updatedAt: string;
  messages: MyTicketMessageView[];
  /** Resolved and not answered yet: ask "Is this fixed?". */
  askConfirm: boolean;
  resolvedBy: string | null;
  confirmDays: number | null;
  satisfaction: { rating: Satisfaction; comment: string | null } | null;
}

export interface ConnectivityView {
  checkedAt: string;
  adapters: Array<{ name: string; ipv4: string[]; ipv6: string[]; dhcp: boolean | null }>;
  defaultGateway: string | null;
  gatewayReachable: boolean | null;
  dnsServers: string[];
  dnsResolves: boolean | null;
  hubReachable: boolean | null;
  notes: string[];
}

export interface DiagnosticsView {
  collectedAt: string;
  summary: {
    hostname: string;
    user: string | null;
    os: string | null;
    model: string | null;
    serial: string | null;
    cpu: string | null;
    ramBytes: number | null;
    ip: string | null;
  };
  openAlerts: Array<{ check: string; subject: string; severity: 'info' | 'warning' | 'critical'; message: string }>;
  samples: Array<{ at: string; cpuPercent: number; memoryPercent: number; diskPercent: number | null }>;
  recentSoftware: Array<{ name: string; version: string | null; change: 'installed' | 'updated' | 'removed'; at: string | null }>;
  rebootPending: boolean | null;
  batteryWearPercent: number | null;
  connectivity: ConnectivityView | null;
}

/** Longest text the renderer may put on the clipboard. */
export const CLIPBOARD_MAX_CHARS = 8192;

export const AGENT_CONNECTION_STATUSES: readonly AgentConnectionStatus[] = [
  'starting',
  'not-configured',
  'connected',
  'offline',
  'error',
];
