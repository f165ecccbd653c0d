import { FIX_LIMITS, FIX_TEXT, type FixActionId, type FixOs, type FixParams, type FixRequest, type FixStatus } from '@deskside/protocol';
import type { OutboxWriter } from '../tickets/ticket-queue.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { executePlan, type ExecuteOptions, type PlanOutcome } from './execute-plan.js';
import type { FixPlan, PlanEnv } from './plans/fix-plan.js';
import { planFix } from './plans/plan-fix.js';
import { verifyFixRequest } from './verify-request.js';

export const FIX_OUTBOX_KIND = 'action:status';

/** A fix waiting for the employee's answer, as the tray shows it. */
export interface PendingFix {
  runId: string;
  action: FixActionId;
  title: string;
  description: string;
  params: Record<string, boolean | number | string>;
  requestedBy: string;
  reason: string;
  ticketId: string | null;
  /** When the question times out (declined for them). */
  answerBy: string;
}

export type ConsentDecision = 'approve' | 'decline' | 'defer';

/** What the runtime lends the desk once it runs. */
export interface FixDeskHost {
  /** Sends the outbox now (the hub shows progress live). */
  drain: () => void;
  /** This device and the hub key it pinned at enrolment; null before enrolment. */
  identity: () => { deviceId: string; pinnedKey: string | null } | null;
}

export interface FixDeskDeps {
  clock: Clock;
  logger: Logger;
  ids: () => string;
  outbox: OutboxWriter;
  /** Single use of run ids (ReplayGuard). */
  firstUse: (runId: string, expiresAt: number) => Promise<boolean>;
  /** undefined: no implementation on this OS. */
  os: FixOs | undefined;
  /** Running with administrator rights (the system service). */
  elevated: boolean;
  env: PlanEnv;
  consentTimeoutMs?: number;
  execute?: (plan: FixPlan, options: ExecuteOptions) => Promise<PlanOutcome>;
}

/** How long each kind of fix may run: package managers download, the rest is quick. */
export function fixTimeoutMs(action: FixActionId): number {
  if (action === 'install-app' || action === 'update-app' || action === 'uninstall-app') return 20 * 60_000;
  if (action === 'collect-logs') return 60_000;
  return 2 * 60_000;
}

/**
 * The agent's side of consented fixes: verifies each signed request, keeps one fix at a time,
 * asks the employee (or not, when the signed request says a group policy allows it unattended),
 * runs the agent's own implementation and reports every step through the durable outbox.
 */
export class FixDesk {
  private active: { request: FixRequest; decide?: (d: ConsentDecision | 'timeout') => void; timer?: TimerHandle } | null = null;
  private pendingView: PendingFix | null = null;
  private askers = 0;
  private readonly listeners = new Set<(pending: PendingFix[]) => void>();
  private host: FixDeskHost | null = null;

  constructor(private readonly deps: FixDeskDeps) {}

  attach(host: FixDeskHost): void {
    this.host = host;
  }

  /** A tray (or another UI that can ask the employee) is attached; call the returned function when it goes. */
  attachAsker(): () => void {
    this.askers++;
    let attached = true;
    return () => {
      if (attached) this.askers--;
      attached = false;
    };
  }

  pending(): PendingFix[] {
    return this.pendingView ? [this.pendingView] : [];
  }

  onPending(listener: (pending: PendingFix[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The employee's answer; false when that fix is no longer waiting. */
  answer(runId: string, decision: ConsentDecision): boolean {
    if (this.active?.request.runId !== runId || !this.active.decide) return false;
    this.active.decide(decision);
    return true;
  }

  /** An `action:request` from the hub, unparsed. Never throws. */
  async handle(raw: unknown): Promise<void> {
    try {
      await this.process(raw);
    } catch (e) {
      this.deps.logger.error('fix request failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  private async process(raw: unknown): Promise<void> {
    const { deps } = this;
    const identity = this.host?.identity();
    if (!identity) return;
    const verdict = await verifyFixRequest(raw, { pinnedKey: identity.pinnedKey, deviceId: identity.deviceId, now: deps.clock.now(), firstUse: deps.firstUse });
    if (!verdict.ok) {
      deps.logger.warn('refused a fix request', { reason: verdict.reason, runId: verdict.runId });
      if (verdict.runId) await this.report(verdict.runId, 'refused', { message: `Refused by the agent (${verdict.reason}): ${verdict.message}` });
      return;
    }
    const request = verdict.request;
    if (this.active) return this.report(request.runId, 'refused', { message: 'Refused by the agent (busy): another fix is under way on this device' });
    if (!deps.os) return this.report(request.runId, 'refused', { message: `Refused by the agent: no implementation of ${request.action} on this operating system` });
    const plan = planFix(deps.os, request.action, request.params as FixParams<typeof request.action>, deps.env);
    if (plan.needsAdmin && !deps.elevated) {
      return this.report(request.runId, 'refused', {
        message: `Refused by the agent: ${request.action} needs administrator rights, and this agent runs as the signed-in user. Install the agent as the system service (deskside-agent service install).`,
      });
    }
    this.active = { request };
    try {
      const decision = await this.consent(request);
      if (decision !== 'approve') {
        const state = decision === 'defer' ? 'deferred' : decision === 'timeout' ? 'timed-out' : 'declined';
        const message =
          decision === 'no-one'
            ? 'Not run: nobody is signed in to approve it, and no policy allows it unattended'
            : decision === 'timeout'
              ? 'Not run: the employee did not answer in time'
              : decision === 'defer'
                ? 'Not run: the employee asked for later'
                : 'Not run: the employee declined';
        deps.logger.info('fix not approved', { runId: request.runId, decision });
        return await this.report(request.runId, state, { message });
      }
      await this.report(request.runId, 'running', { message: null });
      deps.logger.info('running fix', { runId: request.runId, action: request.action });
      const outcome = await (deps.execute ?? executePlan)(plan, { timeoutMs: fixTimeoutMs(request.action), now: () => deps.clock.now() });
      deps.logger.info('fix finished', { runId: request.runId, action: request.action, state: outcome.state, exitCode: outcome.exitCode, durationMs: outcome.durationMs });
      await this.report(request.runId, outcome.state, {
        message: outcome.message,
        exitCode: outcome.exitCode,
        durationMs: outcome.durationMs,
        output: outcome.output,
        bytesFreed: outcome.bytesFreed,
      });
    } finally {
      this.active = null;
    }
  }

  private async consent(request: FixRequest): Promise<ConsentDecision | 'timeout' | 'no-one'> {
    if (request.consent === 'unattended' || request.origin === 'employee') return 'approve';
    if (this.askers === 0) return 'no-one';
    const timeoutMs = this.deps.consentTimeoutMs ?? FIX_LIMITS.consentTimeoutMs;
    const answerBy = Math.min(this.deps.clock.now() + timeoutMs, Date.parse(request.expiresAt));
    await this.report(request.runId, 'awaiting-consent', { message: null });
    const decision = await new Promise<ConsentDecision | 'timeout'>((resolve) => {
      const active = this.active;
      if (!active) return resolve('timeout');
      active.decide = resolve;
      active.timer = this.deps.clock.setTimeout(() => resolve('timeout'), Math.max(0, answerBy - this.deps.clock.now()));
      this.setPending({
        runId: request.runId,
        action: request.action,
        title: FIX_TEXT[request.action].title,
        description: FIX_TEXT[request.action].description,
        params: request.params,
        requestedBy: request.requestedBy,
        reason: request.reason,
        ticketId: request.ticketId,
        answerBy: new Date(answerBy).toISOString(),
      });
    });
    if (this.active?.timer) this.deps.clock.clearTimeout(this.active.timer);
    this.setPending(null);
    return decision;
  }

  private setPending(view: PendingFix | null): void {
    this.pendingView = view;
    for (const listener of this.listeners) listener(this.pending());
  }

  private async report(runId: string, state: FixStatus['state'], result: Partial<Pick<FixStatus, 'message' | 'exitCode' | 'durationMs' | 'output' | 'bytesFreed'>>): Promise<void> {
    const status: FixStatus = {
      id: this.deps.ids(),
      runId,
      state,
      at: new Date(this.deps.clock.now()).toISOString(),
      message: result.message?.slice(0, 1024) ?? null,
      exitCode: result.exitCode ?? null,
      durationMs: result.durationMs ?? null,
      output: result.output ?? null,
      bytesFreed: result.bytesFreed ?? null,
    };
    await this.deps.outbox.enqueue(FIX_OUTBOX_KIND, status, 'high');
    this.host?.drain();
  }
}
