import { createTransport, type Transporter } from 'nodemailer';
import type { OutgoingMailRecord, Store } from '@deskside/store';
import type { Clock } from '../../../clock.js';
import type { Logger } from '../../../log/logger.js';
import { QueuePump, backoffMs } from '../../notify/queue-pump.js';
import type { SmtpConfig } from './mail-urls.js';

export interface MailDispatcherDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  smtp: SmtpConfig;
  /** Sends on the hub leading the `mail` job only (one sender per queue in a cluster). */
  leads: () => boolean;
  maxAttempts?: number;
}

/**
 * Sends the mail outbox (`mail_outbox`, written in the transaction that caused each mail) through
 * SMTP with nodemailer. Temporary failures retry with backoff; a permanent refusal (5xx) or too
 * many attempts make a mail dead. Every mail says it is automatic (Auto-Submitted), so a
 * well-behaved auto-responder never answers it.
 */
export class MailDispatcher {
  private readonly pump: QueuePump;
  private readonly transport: Transporter;

  constructor(private readonly deps: MailDispatcherDeps) {
    const s = deps.smtp;
    this.transport = createTransport({
      host: s.host,
      port: s.port,
      secure: s.secure,
      ...(s.user !== null ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      logger: false,
    });
    this.pump = new QueuePump({ pass: () => this.pass(), clock: deps.clock, onError: (err) => deps.logger.warn('mail pass failed', { err: String(err).slice(0, 300) }), retryMs: 5_000 });
  }

  wake(): void {
    this.pump.wake();
  }

  runOnce(): Promise<Date | undefined> {
    return this.pump.runOnce();
  }

  async close(): Promise<void> {
    await this.pump.close();
    this.transport.close();
  }

  private async pass(): Promise<Date | undefined> {
    // Not leading: look again later, when this hub may have taken the lease.
    if (!this.deps.leads()) return new Date(this.deps.clock().getTime() + 10_000);
    for (const mail of await this.deps.store.mail.due(this.deps.clock(), 20)) await this.attempt(mail);
    return this.deps.store.mail.nextDue();
  }

  private async attempt(mail: OutgoingMailRecord): Promise<void> {
    const attempts = mail.attempts + 1;
    const at = this.deps.clock();
    try {
      await this.transport.sendMail({
        from: this.deps.smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html !== null ? { html: mail.html } : {}),
        messageId: `<${mail.messageId}>`,
        ...(mail.inReplyTo !== null ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
        ...(mail.references.length > 0 ? { references: mail.references.map((r) => `<${r}>`) } : {}),
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
      });
      await this.deps.store.mail.recordAttempt(mail.id, { status: 'sent', attempts, nextAttemptAt: at, lastError: null, at });
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      const dead = (code !== undefined && code >= 500) || attempts >= (this.deps.maxAttempts ?? 10);
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 300);
      await this.deps.store.mail.recordAttempt(mail.id, { status: dead ? 'dead' : 'pending', attempts, nextAttemptAt: new Date(at.getTime() + backoffMs(attempts, 10_000, 3_600_000)), lastError, at });
      this.deps.logger.warn('mail not sent', { mailId: mail.id, kind: mail.kind, attempts, dead, err: lastError });
    }
  }
}
