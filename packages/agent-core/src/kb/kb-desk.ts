import { AgentKbDeflectSchema, AgentKbFeedbackSchema, type EmployeeArticle } from '@deskside/protocol';
import type { HubConnection } from '../connection/hub-connection.js';
import type { OutboxWriter } from '../tickets/ticket-queue.js';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/with-timeout.js';
import { KbCopy } from './kb-copy.js';
import { KbLocalIndex } from './kb-local-search.js';
import { syncKbCopy } from './kb-sync.js';

/** Outbox kinds of the tray's knowledge-base writes (sent under these event names). */
export const KB_OUTBOX_KINDS = { deflect: 'kb:deflect', feedback: 'kb:feedback' } as const;

/** How long a live search may take before the offline copy answers instead. */
const LIVE_SEARCH_MS = 2_500;
/** Articles seen in live results but not in the copy, kept so the employee can open them. */
const RECENT_MAX = 50;

export interface KbDeskDeps {
  stateDir: string;
  outbox: OutboxWriter;
  now: () => number;
  newId: () => string;
  logger: Logger;
}

/** What the runtime lends the desk once it runs. */
export interface KbDeskHost {
  /** The live connection, or `null` while offline. */
  connection(): HubConnection | null;
  drain(): Promise<void>;
  sendTimeoutMs: number;
}

export interface KbSearchResult {
  articles: EmployeeArticle[];
  /** True when the hub could not be asked: the answer comes from the copy on this PC. */
  offline: boolean;
}

/**
 * The employee's knowledge base on this PC: live search through the hub while connected, the
 * bounded offline copy (kept in step incrementally) when not, and "This solved it" and "Was this
 * helpful?" through the durable outbox (idempotent on their ids, so a retry is stored once).
 */
export class KbDesk {
  readonly copy: KbCopy;
  private host: KbDeskHost | null = null;
  private index: { articles: readonly EmployeeArticle[]; index: KbLocalIndex } | null = null;
  private readonly recent = new Map<string, EmployeeArticle>();
  private syncing: Promise<void> | null = null;

  constructor(private readonly deps: KbDeskDeps) {
    this.copy = new KbCopy(deps.stateDir);
  }

  attach(host: KbDeskHost): void {
    this.host = host;
  }

  /** The best articles for what the employee typed; `log` counts it toward the content-gap report. */
  async search(q: string, limit: number, log: boolean): Promise<KbSearchResult> {
    const query = q.trim().slice(0, 200);
    if (query === '') return { articles: [], offline: !this.online() };
    const connection = this.online();
    if (connection) {
      const ack = await connection.send('kb:search', { q: query, limit, log }, Math.min(LIVE_SEARCH_MS, this.host?.sendTimeoutMs ?? LIVE_SEARCH_MS));
      if (ack.ok) {
        for (const a of ack.data.articles) this.remember(a);
        return { articles: ack.data.articles.slice(0, limit), offline: false };
      }
      this.deps.logger.debug('kb:search not answered; searching the offline copy', { code: ack.error.code });
    }
    return { articles: (await this.localIndex()).search(query, limit), offline: true };
  }

  /**
   * Every article of the offline copy (newest first). Online, the copy is brought up to date first:
   * an unchanged knowledge base costs one small round trip (the hub answers `null` for the stamp).
   */
  async library(): Promise<{ articles: readonly EmployeeArticle[]; syncedAt: string | null; offline: boolean }> {
    await this.refreshNow();
    return { articles: await this.copy.articles(), syncedAt: await this.copy.syncedAt(), offline: !this.online() };
  }

  async article(id: string): Promise<EmployeeArticle | null> {
    return (await this.copy.articles()).find((a) => a.id === id) ?? this.recent.get(id) ?? null;
  }

  /** "This solved it": the request ends here and the help desk counts a deflection. */
  async deflect(articleId: string, subject: string): Promise<void> {
    const payload = AgentKbDeflectSchema.parse({ id: this.deps.newId(), articleId, subject: subject.trim().slice(0, 200), at: new Date(this.deps.now()).toISOString() });
    await this.deps.outbox.enqueue(KB_OUTBOX_KINDS.deflect, payload, 'high');
    this.sendSoon();
  }

  /** "Was this helpful?", with an optional comment. */
  async feedback(articleId: string, helpful: boolean, comment: string): Promise<void> {
    const payload = AgentKbFeedbackSchema.parse({ id: this.deps.newId(), articleId, helpful, comment: comment.trim().slice(0, 1000), at: new Date(this.deps.now()).toISOString() });
    await this.deps.outbox.enqueue(KB_OUTBOX_KINDS.feedback, payload, 'high');
    this.sendSoon();
  }

  /** Brings the offline copy up to date (on every connect; joins a sync under way). */
  refresh(connection: HubConnection, timeoutMs: number): Promise<void> {
    this.syncing ??= syncKbCopy(this.copy, connection, timeoutMs, () => new Date(this.deps.now()))
      .then(
        (outcome) => {
          if (outcome !== 'unchanged') this.index = null;
        },
        (e: unknown) => this.deps.logger.warn('offline help articles not updated', { error: errorMessage(e) }),
      )
      .finally(() => (this.syncing = null));
    return this.syncing;
  }

  private refreshNow(): Promise<void> {
    const connection = this.online();
    return connection ? this.refresh(connection, this.host?.sendTimeoutMs ?? 15_000) : Promise.resolve();
  }

  private online(): HubConnection | null {
    const connection = this.host?.connection() ?? null;
    return connection?.connected ? connection : null;
  }

  private async localIndex(): Promise<KbLocalIndex> {
    const articles = await this.copy.articles();
    if (this.index?.articles !== articles) this.index = { articles, index: new KbLocalIndex(articles) };
    return this.index.index;
  }

  private remember(article: EmployeeArticle): void {
    this.recent.delete(article.id);
    this.recent.set(article.id, article);
    for (const oldest of this.recent.keys()) {
      if (this.recent.size <= RECENT_MAX) break;
      this.recent.delete(oldest);
    }
  }

  private sendSoon(): void {
    void this.host?.drain().catch((e: unknown) => this.deps.logger.warn('help article answer not sent; will retry', { error: errorMessage(e) }));
  }
}
