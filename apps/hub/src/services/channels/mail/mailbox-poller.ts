import { ImapFlow } from 'imapflow';
import type { Logger } from '../../../log/logger.js';
import { backoffMs } from '../../notify/queue-pump.js';
import type { MailIntake } from './mail-intake.js';
import type { MailboxConfig } from './mail-urls.js';

/** A mailbox as the health page shows it. */
export interface MailboxStatus {
  mailbox: string;
  state: 'starting' | 'ok' | 'failing';
  lastPollAt: string | null;
  lastError: string | null;
  failures: number;
  taken: number;
}

export interface MailboxPollerDeps {
  intake: MailIntake;
  logger: Logger;
  /** Only the hub leading the `mail` job reads mailboxes (one reader per mailbox in a cluster). */
  leads: () => boolean;
  pollMs: number;
  /** Larger mails are refused with a polite answer, never downloaded. */
  maxBytes: number;
}

/**
 * Reads one mailbox over IMAP: every unseen mail is handed to the intake and flagged \Seen only
 * after the intake committed it, so a crash in between re-reads a mail the intake then recognises.
 * An unreachable mailbox is retried with backoff (up to 10 minutes) and shown as failing.
 */
export class MailboxPoller {
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private readonly state: MailboxStatus;

  constructor(
    private readonly config: MailboxConfig,
    private readonly deps: MailboxPollerDeps,
  ) {
    this.state = { mailbox: config.label, state: 'starting', lastPollAt: null, lastError: null, failures: 0, taken: 0 };
  }

  start(): void {
    this.running = this.loop();
  }

  status(): MailboxStatus {
    return { ...this.state };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.wakeUp?.();
    await this.running;
  }

  /** One pass now (tests, and the loop). */
  async pass(): Promise<void> {
    const client = new ImapFlow({
      host: this.config.host,
      port: this.config.port,
      secure: this.config.secure,
      auth: { user: this.config.user, pass: this.config.password },
      // imapflow's own log would carry the mailbox's traffic; failures are logged here instead.
      logger: false,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 120_000,
    });
    // A dropped connection emits 'error'; the pass fails through the awaited call instead.
    client.on('error', () => undefined);
    await client.connect();
    try {
      const lock = await client.getMailboxLock(this.config.folder);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids.slice(0, 200)) {
          if (this.closed) break;
          await this.takeOne(client, uid);
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  private async takeOne(client: ImapFlow, uid: number): Promise<void> {
    const meta = await client.fetchOne(String(uid), { size: true, envelope: true }, { uid: true });
    if (!meta) return;
    const size = meta.size ?? 0;
    if (size > this.deps.maxBytes) {
      const env = meta.envelope;
      await this.deps.intake.refuseTooLarge({ messageId: env?.messageId?.replace(/^<|>$/g, '') ?? null, from: env?.from?.[0]?.address ?? null, subject: (env?.subject ?? '').slice(0, 200), bytes: size }, this.config, this.deps.maxBytes);
    } else {
      const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!full || !full.source) return;
      const result = await this.deps.intake.take(full.source, this.config);
      if (result.outcome === 'ticket' || result.outcome === 'reply') this.state.taken++;
      if (result.outcome === 'ignored' || result.outcome === 'refused') this.deps.logger.info('mail not taken', { mailbox: this.config.label, uid, reason: result.reason });
    }
    await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      let delay = this.deps.pollMs;
      if (this.deps.leads()) {
        try {
          await this.pass();
          this.state.state = 'ok';
          this.state.failures = 0;
          this.state.lastError = null;
        } catch (err) {
          this.state.failures++;
          this.state.state = 'failing';
          // Never the URL or the password: the error's own words (imapflow's responseText when it has one).
          this.state.lastError = describe(err);
          delay = Math.max(delay, backoffMs(this.state.failures, 5_000, 600_000));
          this.deps.logger.warn('mailbox unreachable', { mailbox: this.config.label, failures: this.state.failures, err: this.state.lastError });
        }
        this.state.lastPollAt = new Date().toISOString();
      }
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        this.timer = setTimeout(resolve, delay);
        this.timer.unref();
      });
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const text = (err as Error & { responseText?: string }).responseText ?? err.message;
    return text.slice(0, 300);
  }
  return String(err).slice(0, 300);
}
