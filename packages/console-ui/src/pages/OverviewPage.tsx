import { useEffect, useMemo } from 'react';
import { useNow } from '../app/use-now.js';
import { AlertList } from '../components/AlertList.js';
import { FleetSummary } from '../components/FleetSummary.js';
import { SeverityCounts } from '../components/SeverityCounts.js';
import { WorstDevices } from '../components/WorstDevices.js';
import { countBySeverity, recentAlerts, worstDevices } from '../state/alert-summary.js';
import { countByStatus, type FleetState } from '../state/fleet-store.js';
import type { AlertsView } from '../state/use-alerts.js';
import type { TicketsView } from '../state/use-tickets.js';
import { ticketFigures } from '../state/ticket-figures.js';
import { TicketFiguresPanel } from '../components/TicketFiguresPanel.js';

const WORST = 8;
const RECENT = 6;

/** The help desk at a glance: ticket figures, who is online, how many alerts of each kind, the worst devices, the latest alerts. */
export function OverviewPage({ fleet, alerts, tickets, meId }: { fleet: FleetState; alerts: AlertsView; tickets: TicketsView; meId: string }) {
  const now = useNow(15_000);
  const live = alerts.state.live;
  const statusCounts = useMemo(() => countByStatus(fleet.sorted), [fleet.sorted]);
  const severityCounts = useMemo(() => countBySeverity(live), [live]);
  const worst = useMemo(() => worstDevices(fleet.sorted, live, WORST), [fleet.sorted, live]);
  const recent = useMemo(() => recentAlerts(live, RECENT), [live]);
  const figures = useMemo(() => ticketFigures(tickets.state.byId.values(), meId), [tickets.state.byId, meId]);

  useEffect(() => {
    document.title = 'Overview · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, []);

  return (
    <>
      <div className="page-header">
        <h1>Overview</h1>
      </div>
      <div className="overview-grid">
        <TicketFiguresPanel figures={figures} loaded={tickets.state.loaded} />
        <FleetSummary counts={statusCounts} loaded={fleet.loaded} />
        <SeverityCounts counts={severityCounts} loaded={alerts.state.loaded} />
        <WorstDevices concerns={worst} loaded={fleet.loaded && alerts.state.loaded} />
        <section className="panel overview-panel overview-recent" aria-labelledby="recent-title" data-testid="overview-recent">
          <div className="panel-head">
            <h2 id="recent-title">Latest alerts</h2>
            <a href="#/alerts">All alerts</a>
          </div>
          <AlertList
            alerts={recent}
            now={now}
            actions={alerts.actions}
            failure={alerts.failure}
            label="Latest alerts"
            testId="recent-alerts"
            emptyText={alerts.state.loaded ? 'No unresolved alerts.' : 'Loading…'}
          />
        </section>
      </div>
    </>
  );
}
