import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf as planIn } from '../test-support/query-plan.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
beforeAll(async () => {
  temp = await openTempStore();
});
afterAll(() => temp.cleanup());

const planOf = (query: string): string => planIn(temp.dir, query);

// The WHERE clauses of tickets.listForPeriod and alerts.listForPeriod: without 0007 both scan
// their whole table; with it, SQLite searches the index once for "still open" and once for
// "closed/resolved since the start".
describe('0007-report-indexes', () => {
  it('tickets of a period: two searches of tickets_closed_created, no table scan', () => {
    const plan = planOf(
      "select id from tickets where created_at < 20 and (closed_at is null or closed_at >= 10) and site_id in ('a', 'b') order by created_at desc, id desc limit 50001",
    );
    expect(plan).toContain('MULTI-INDEX OR');
    expect(plan).toContain('SEARCH tickets USING INDEX tickets_closed_created (closed_at=? AND created_at<?)');
    expect(plan).toContain('SEARCH tickets USING INDEX tickets_closed_created (closed_at>?)');
    expect(plan).not.toContain('SCAN tickets');
  });

  it('alerts of a period: two searches of alerts_resolved_raised, no table scan', () => {
    const plan = planOf(
      'select alerts.id from alerts inner join devices on devices.id = alerts.device_id where alerts.raised_at < 20 and (alerts.resolved_at is null or alerts.resolved_at >= 10) order by alerts.raised_at desc, alerts.id desc limit 50001',
    );
    expect(plan).toContain('SEARCH alerts USING INDEX alerts_resolved_raised (resolved_at=? AND raised_at<?)');
    expect(plan).toContain('SEARCH alerts USING INDEX alerts_resolved_raised (resolved_at>?)');
    expect(plan).not.toContain('SCAN alerts');
  });

  it('alert events of many alerts search alert_events_alert_at', () => {
    expect(planOf("select * from alert_events where alert_id in ('a', 'b')")).toContain('alert_events_alert_at');
  });
});
