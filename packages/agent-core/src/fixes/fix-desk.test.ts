import type { FixRequest, FixStatus } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import type { OutboxWriter } from '../tickets/ticket-queue.js';
import { ManualClock } from '../util/clock.js';
import { silentLogger } from '../util/logger.js';
import { FixDesk, type FixDeskDeps } from './fix-desk.js';
import type { PlanOutcome } from './execute-plan.js';
import { testSigner } from '../test-support/fix-signer.js';

const DEVICE = '01JF0000000000000000000001';
const hub = testSigner();

function setup(over: Partial<FixDeskDeps> = {}) {
  const clock = new ManualClock(Date.UTC(2026, 11, 7, 12));
  const statuses: FixStatus[] = [];
  const outbox: OutboxWriter = { enqueue: async (_kind, payload) => (statuses.push(payload as FixStatus), null) };
  const ran: string[] = [];
  const seen = new Set<string>();
  let n = 0;
  const desk = new FixDesk({
    clock,
    logger: silentLogger,
    ids: () => `01JF0000000000000000000M${String(n++).padStart(2, '0')}`,
    outbox,
    firstUse: async (id) => !seen.has(id) && Boolean(seen.add(id)),
    os: 'linux',
    elevated: false,
    env: { tmpDir: '/nonexistent', home: '/nonexistent', linuxPackageManager: 'apt', systemRoot: '' },
    consentTimeoutMs: 60_000,
    execute: async (plan): Promise<PlanOutcome> => {
      ran.push(plan.steps.map((s) => s.kind).join(','));
      return { state: 'succeeded', exitCode: 0, durationMs: 5, output: 'ok', bytesFreed: 10, message: 'done' };
    },
    ...over,
  });
  desk.attach({ drain: () => undefined, identity: () => ({ deviceId: DEVICE, pinnedKey: hub.publicKey }) });
  const request = (over: Partial<FixRequest> = {}) =>
    hub.sign({
      runId: `01JF00000000000000000000R${n++ % 10}`,
      deviceId: DEVICE,
      action: 'clear-temp-files',
      params: { olderThanDays: 1, emptyRecycleBin: false },
      ticketId: null,
      reason: 'Ticket #12: disk full',
      requestedBy: 'Tess Tech',
      origin: 'technician',
      consent: 'ask',
      issuedAt: new Date(clock.now()).toISOString(),
      expiresAt: new Date(clock.now() + 600_000).toISOString(),
      ...over,
    });
  const states = () => statuses.map((s) => s.state);
  return { desk, clock, statuses, states, ran, request };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FixDesk', () => {
  it('asks the employee, runs on approval and reports each step', async () => {
    const { desk, states, ran, request, statuses } = setup();
    desk.attachAsker();
    const shown: number[] = [];
    desk.onPending((p) => shown.push(p.length));
    const signed = request();
    const handled = desk.handle(signed);
    await tick();
    await tick();
    expect(desk.pending()).toMatchObject([{ runId: signed.request.runId, title: 'Clear temporary files', requestedBy: 'Tess Tech', reason: 'Ticket #12: disk full' }]);
    expect(desk.answer(signed.request.runId, 'approve')).toBe(true);
    await handled;
    expect(states()).toEqual(['awaiting-consent', 'running', 'succeeded']);
    expect(statuses.at(-1)).toMatchObject({ exitCode: 0, output: 'ok', bytesFreed: 10 });
    expect(ran).toEqual(['clean-dir']);
    expect(shown).toEqual([1, 0]);
  });

  it('declined, deferred and unanswered requests never run', async () => {
    for (const decision of ['decline', 'defer', null] as const) {
      const { desk, clock, states, ran, request } = setup();
      desk.attachAsker();
      const signed = request();
      const handled = desk.handle(signed);
      await tick();
      await tick();
      if (decision) desk.answer(signed.request.runId, decision);
      else clock.advance(60_000);
      await handled;
      expect(states()).toEqual(['awaiting-consent', decision === 'decline' ? 'declined' : decision === 'defer' ? 'deferred' : 'timed-out']);
      expect(ran).toEqual([]);
    }
  });

  it('with nobody to ask it does not run unless the signed request allows it unattended', async () => {
    const a = setup();
    await a.desk.handle(a.request());
    expect(a.states()).toEqual(['declined']);
    expect(a.statuses[0]?.message).toMatch(/nobody is signed in/);
    const b = setup();
    await b.desk.handle(b.request({ consent: 'unattended' }));
    expect(b.states()).toEqual(['running', 'succeeded']);
  });

  it('refuses and reports forged, replayed, admin-only (without the service) and concurrent requests', async () => {
    const { desk, states, statuses, request, ran } = setup();
    const forged = testSigner().sign(request().request);
    await desk.handle(forged);
    const once = request({ consent: 'unattended' });
    await desk.handle(once);
    await desk.handle(once);
    await desk.handle(request({ action: 'flush-dns', params: {}, consent: 'unattended' }));
    expect(states()).toEqual(['refused', 'running', 'succeeded', 'refused', 'refused']);
    expect(statuses[0]?.message).toMatch(/forged/);
    expect(statuses[3]?.message).toMatch(/replayed/);
    expect(statuses[4]?.message).toMatch(/needs administrator rights.*deskside-agent service install/);
    expect(ran).toHaveLength(1);

    desk.attachAsker();
    const first = desk.handle(request());
    await tick();
    await tick();
    await desk.handle(request());
    expect(states().at(-1)).toBe('refused');
    expect(statuses.at(-1)?.message).toMatch(/busy/);
    desk.answer(desk.pending()[0]?.runId ?? '', 'decline');
    await first;
  });
});
