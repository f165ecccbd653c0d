import { newId } from '@deskside/protocol';
import type { HealthSampleRecord, ProcessedMessage, Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config.js';
import { captureLogger, fakeClock, tempStore } from '../../test-support/temp.js';
import { createMaintenanceJob, type MaintenanceJobDeps, type MaintenanceScheduler } from './maintenance-job.js';
import { retentionCutoffs, type RetentionConfig } from './retention-policy.js';

const DAY = 24 * 3600 * 1000;
const NOW = new Date('2025-03-20T12:00:00.000Z');
let temp: Awaited<ReturnType<typeof tempStore>>;
let deviceId: string;

beforeEach(async () => {
  temp = await tempStore();
  const siteId = newId();
  await temp.store.sites.create({ id: siteId, name: 'Main office', createdAt: NOW });
  deviceId = newId();
  await temp.store.devices.create({ id: deviceId, siteId, machineId: newId(), hostname: 'PC-001', keyHash: 'a'.repeat(64), enrolledAt: NOW });
});
afterEach(() => temp.cleanup());

/** Timers that fire only when the test says so. */
function manualTimers(): { schedule: MaintenanceScheduler; planned: Array<{ fn: () => void; ms: number; cancelled: boolean }> } {
  const planned: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  return {
    planned,
    schedule: (fn, ms) => {
      const entry = { fn, ms, cancelled: false };
      planned.push(entry);
      return () => void (entry.cancelled = true);
    },
  };
}

function sample(ageMs: number): HealthSampleRecord {
  return {
    deviceId,
    messageId: newId(),
    at: new Date(NOW.getTime() - ageMs),
    metrics: { cpuPercent: 20, memUsedBytes: 1, memTotalBytes: 2, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 },
  };
}

function message(kind: string, ageMs: number): ProcessedMessage {
  return { deviceId, messageId: newId(), kind, payloadHash: 'h'.repeat(64), result: null, processedAt: new Date(NOW.getTime() - ageMs) };
}

function job(overrides: Partial<Omit<MaintenanceJobDeps, 'retention'>> & { retention?: Partial<RetentionConfig> } = {}) {
  const timers = manualTimers();
  const log = captureLogger();
  const pauses: number[] = [];
  const deps: MaintenanceJobDeps = {
    store: temp.store,
    clock: fakeClock(NOW).clock,
    logger: log.logger,
    heartbeatSeconds: 30,
    schedule: timers.schedule,
    pause: (ms) => {
      pauses.push(ms);
      return Promise.resolve();
    },
    ...overrides,
    retention: { ...DEFAULT_CONFIG.retention, ...overrides.retention },
  };
  return { job: createMaintenanceJob(deps), timers, log, pauses };
}

const logged = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('maintenance job', () => {
  it('runs shortly after start, applies every retention window, logs one line, and plans the next run', async () => {
    await temp.store.health.insertMany([sample(8 * DAY), sample(8 * DAY - 60_000), sample(6 * DAY), sample(60_000)]);
    const heartbeatOld = message('device:heartbeat', 8 * DAY);
    const heartbeatNew = message('device:heartbeat', 6 * DAY);
    const ticketMonthOld = message('ticket:create', 30 * DAY);
    const alertAncient = message('alert:raise', 401 * DAY);
    await temp.store.messages.putMany([heartbeatOld, heartbeatNew, ticketMonthOld, alertAncient]);
    // Knowledge-base searches are kept 180 days.
    await temp.store.kbActivity.logSearch({ id: 'kb-old', at: new Date(NOW.getTime() - 181 * DAY), query: 'old printer', results: 0, source: 'tray' });
    await temp.store.kbActivity.logSearch({ id: 'kb-new', at: new Date(NOW.getTime() - 179 * DAY), query: 'new printer', results: 0, source: 'tray' });
    const { job: maintenance, timers, log } = job();

    maintenance.start();
    expect(timers.planned.map((p) => p.ms)).toEqual([120_000]);
    timers.planned[0]?.fn();
    const report = await maintenance.runNow();

    expect(report).toMatchObject({ samplesRolledUp: 2, rollupsWritten: 1, messagesPruned: 2, rollupsPruned: 0, kbSearchesPruned: 1, interrupted: false });
    expect((await temp.store.kbActivity.noResultSearches(new Date(0), NOW, 10)).map((s) => s.query)).toEqual(['new printer']);
    expect((await temp.store.health.recent(deviceId, new Date(0), 10)).length).toBe(2);
    const [hour] = await temp.store.healthRollups.range(deviceId, new Date(0), NOW, 10);
    expect(hour).toMatchObject({ samples: 2, cpuPercentAvg: 20 });
    const kept = async (m: ProcessedMessage) => (await temp.store.messages.get(deviceId, m.messageId)) !== undefined;
    expect([await kept(heartbeatOld), await kept(heartbeatNew), await kept(ticketMonthOld), await kept(alertAncient)]).toEqual([false, true, true, false]);

    const lines = logged(log.text()).filter((l) => l['msg'] === 'maintenance run');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', samplesRolledUp: 2, messagesPruned: 2 });
    expect(typeof lines[0]?.['ms']).toBe('number');
    await Promise.resolve();
    expect(timers.planned.map((p) => p.ms)).toEqual([120_000, 3_600_000]);
    await maintenance.close();
    expect(timers.planned[1]?.cancelled).toBe(true);
  });

  it('works through a backlog in bounded batches with a pause between them', async () => {
    await temp.store.health.insertMany(Array.from({ length: 1_000 }, (_, i) => sample(10 * DAY + i * 1000)));
    const { job: maintenance, pauses } = job({ retention: { batchRows: 100, batchPauseMs: 7 } });
    const report = await maintenance.runNow();
    expect(report?.samplesRolledUp).toBe(1_000);
    // 10 rollup batches (the last one sees nothing left behind it) and one call per prune (rollups, two message kinds, searches).
    expect(report?.batches).toBe(14);
    expect(pauses.length).toBe(9);
    expect(new Set(pauses)).toEqual(new Set([7]));
  });

  it('logs a failed run, does not throw, and still plans the next one', async () => {
    const broken: Store = { ...temp.store, maintenance: { ...temp.store.maintenance, rollUpHealth: () => Promise.reject(new Error('database is locked')) } };
    const { job: maintenance, timers, log } = job({ store: broken });
    maintenance.start();
    timers.planned[0]?.fn();
    expect(await maintenance.runNow()).toBeUndefined();
    await Promise.resolve();
    expect(logged(log.text()).find((l) => l['msg'] === 'maintenance run failed')).toMatchObject({ level: 'error', error: 'database is locked' });
    expect(timers.planned).toHaveLength(2);
    await maintenance.close();
  });

  it('stops at the next batch boundary when the hub closes mid-run, and plans nothing more', async () => {
    await temp.store.health.insertMany(Array.from({ length: 500 }, (_, i) => sample(10 * DAY + i * 1000)));
    let closing: Promise<void> | undefined;
    const { job: maintenance, timers } = job({
      retention: { batchRows: 100 },
      pause: () => {
        closing ??= maintenance.close();
        return Promise.resolve();
      },
    });
    maintenance.start();
    timers.planned[0]?.fn();
    const report = await maintenance.runNow();
    await closing;
    expect(report).toMatchObject({ interrupted: true, samplesRolledUp: 100, optimizeMs: 0 });
    expect(timers.planned).toHaveLength(1);
    expect(await maintenance.runNow()).toBeUndefined();
  });
});

describe('retention cut-offs', () => {
  it('keeps heartbeat records at least twice the outbox retry horizon for the configured interval', () => {
    const at = (cut: Date) => (NOW.getTime() - cut.getTime()) / DAY;
    const thirty = retentionCutoffs(DEFAULT_CONFIG.retention, 30, NOW);
    expect([at(thirty.healthRaw), at(thirty.healthRollups), at(thirty.shortRetryMessages), at(thirty.messages)]).toEqual([7, 400, 7, 400]);
    // 10,000 queued heartbeats at 120 s ≈ 13.9 days: kept twice that.
    expect(at(retentionCutoffs(DEFAULT_CONFIG.retention, 120, NOW).shortRetryMessages)).toBeCloseTo((2 * 10_000 * 120) / 86_400, 6);
  });
});
