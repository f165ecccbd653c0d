import type { GetHelpForm, ScreenshotPreview, SubmitTicketResult } from '../common/bridge-api.js';
import type { Logger } from './logger.js';
import { previewOf, type CapturedScreenshot } from './screenshot.js';
import { ticketView } from './ticket-view.js';
import type { TicketsPort } from './tickets-port.js';
import type { DiagnosticsBundle } from '@deskside/protocol';

/** Raised when the agent has no ticket desk (not configured, or failed to start). */
export class TicketsUnavailableError extends Error {
  constructor() {
    super('The help desk connection is not set up on this computer. Please contact your IT team directly.');
    this.name = 'TicketsUnavailableError';
  }
}

export interface HelpSessionDeps {
  /** Takes the screenshot (before the window opens, so the window is not in it). */
  capture: () => Promise<CapturedScreenshot | null>;
  tickets: () => TicketsPort | null;
  /** True when the agent is connected to the hub now. */
  online: () => boolean;
  logger: Logger;
}

/**
 * One "Get help" visit: the screenshot taken just before the window opened (removable), the
 * diagnostics bundle the employee is shown (and the very same one is attached), and the submit.
 */
export class HelpSession {
  private screenshot: CapturedScreenshot | null = null;
  private bundle: Promise<DiagnosticsBundle> | null = null;

  constructor(private readonly deps: HelpSessionDeps) {}

  /** Starts a visit: a fresh screenshot and, on first ask, fresh diagnostics. */
  async begin(): Promise<void> {
    this.bundle = null;
    this.screenshot = null;
    try {
      this.screenshot = await this.deps.capture();
    } catch (error) {
      // No screen-recording permission (macOS) or no display: the ticket goes without one.
      this.deps.logger.warn('screenshot not taken', { error });
    }
  }

  screenshotPreview(): ScreenshotPreview | null {
    return this.screenshot ? previewOf(this.screenshot) : null;
  }

  removeScreenshot(): void {
    this.screenshot = null;
  }

  diagnostics(): Promise<DiagnosticsBundle> {
    const tickets = this.deps.tickets();
    if (!tickets) return Promise.reject(new TicketsUnavailableError());
    this.bundle ??= tickets.diagnostics();
    // A failed collection may be retried by the next ask.
    this.bundle.catch(() => (this.bundle = null));
    return this.bundle;
  }

  async submit(form: GetHelpForm): Promise<SubmitTicketResult> {
    const tickets = this.deps.tickets();
    if (!tickets) throw new TicketsUnavailableError();
    const diagnostics = await this.diagnostics().catch((error: unknown) => {
      this.deps.logger.warn('diagnostics not attached', { error });
      return null;
    });
    const shot = form.includeScreenshot ? this.screenshot : null;
    const ticket = await tickets.create({
      subject: form.subject,
      description: form.description,
      category: form.category,
      urgency: form.urgency,
      impact: form.impact,
      diagnostics,
      screenshot: shot ? { mediaType: shot.mediaType, dataBase64: shot.dataBase64 } : null,
      ...(form.articlesRead?.length ? { articlesRead: form.articlesRead } : {}),
    });
    this.screenshot = null;
    this.bundle = null;
    return { ticket: ticketView(ticket), queued: !this.deps.online() };
  }
}
