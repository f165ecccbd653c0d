import type { AdminApi } from '../api/admin-api.js';
import type { AssetApi } from '../api/asset-api.js';
import type { IntegrationsApi } from '../api/integrations-api.js';
import type { HttpClient } from '../api/http-client.js';
import type { Session } from '../api/session-store.js';
import { ForbiddenPage } from '../pages/ForbiddenPage.js';
import { mayOpen } from './nav.js';
import type { AlertsView } from '../state/use-alerts.js';
import type { FleetFeedView } from '../state/use-fleet-feed.js';
import type { TicketsView } from '../state/use-tickets.js';
import * as P from './lazy-pages.js';
import type { Route } from './routes.js';

export interface PageOutletProps {
  route: Route;
  /** Bumped on every reconnection: pages that loaded over HTTP remount and load again. */
  epoch: number;
  session: Session;
  api: HttpClient;
  assetApi: AssetApi;
  adminApi: AdminApi;
  integrationsApi: IntegrationsApi;
  feed: FleetFeedView;
  alerts: AlertsView;
  tickets: TicketsView;
  me: { id: string; name: string };
}

/** The page of the current route (each page is its own code chunk). */
export function PageOutlet({ route, epoch, session, api, assetApi, adminApi, integrationsApi, feed, alerts, tickets, me }: PageOutletProps) {
  if (!mayOpen(session.user.role, route.page)) return <ForbiddenPage />;
  const k = (id = '') => `${route.page}:${id}:${epoch}`;
  switch (route.page) {
    case 'overview':
      return <P.OverviewPage fleet={feed.fleet} alerts={alerts} tickets={tickets} meId={me.id} />;
    case 'alerts':
      return <P.AlertsPage alerts={alerts} api={api} />;
    case 'devices':
      return <P.FleetPage fleet={feed.fleet} connection={feed.connection} assetApi={assetApi} api={api} alerts={alerts.state.live} />;
    case 'device':
      return (
        <P.DevicePage
          key={k(route.id)}
          id={route.id}
          api={api}
          summary={feed.fleet.byId.get(route.id)}
          assetApi={assetApi}
          alerts={alerts}
          tickets={tickets.state}
          section={route.tab}
          canMerge={session.user.role === 'admin'}
        />
      );
    case 'asset-list':
      return <P.AssetListPage key={k(route.kind)} api={assetApi} kind={route.kind} />;
    case 'software-report':
      return <P.SoftwareReportPage key={k(route.app ?? '')} api={assetApi} app={route.app} />;
    case 'activity-report':
      return <P.ActivityReportPage key={k()} api={assetApi} />;
    case 'tickets':
      return <P.TicketsPage key={k(route.view ?? '')} tickets={tickets} api={api} meId={me.id} meName={me.name} devices={feed.fleet.sorted} view={route.view} />;
    case 'log-call':
      return <P.LogCallPage key={k('')} api={api} tickets={tickets} devices={feed.fleet.sorted} />;
    case 'new-ticket':
      return (
        <P.NewTicketPage
          key={k(`${route.device ?? ''}:${route.alert ?? ''}:${alerts.state.loaded}`)}
          api={api}
          tickets={tickets}
          devices={feed.fleet.sorted}
          deviceId={route.device}
          alert={route.alert === undefined ? undefined : alerts.state.live.find((a) => a.id === route.alert)}
        />
      );
    case 'ticket':
      return <P.TicketPage key={k(route.id)} id={route.id} api={api} tickets={tickets} alerts={alerts.state.live} devices={feed.fleet.byId} me={me} />;
    case 'admin-users':
      return <P.AdminUsersPage key={k(route.user ?? '')} api={adminApi} editId={route.user} />;
    case 'admin-deploy':
      return <P.DeployPage key={k()} api={adminApi} />;
    case 'admin-releases':
      return <P.ReleasesPage key={k()} api={adminApi} canWrite={session.user.role === 'admin'} />;
    case 'admin-enroll-tokens':
      return <P.EnrollTokensPage key={k()} api={adminApi} />;
    case 'admin-sites':
      return <P.SiteBrandingPage key={k()} api={adminApi} />;
    case 'admin-api-tokens':
      return <P.ApiTokensPage key={k()} api={integrationsApi} adminApi={adminApi} />;
    case 'admin-mail':
      return <P.MailChannelPage key={k()} api={integrationsApi} />;
    case 'admin-webhooks':
      return <P.WebhooksPage key={k()} api={integrationsApi} />;
    case 'api-reference':
      return <P.ApiReferencePage key={k()} api={integrationsApi} />;
    case 'admin-devices-pending':
      return <P.PendingDevicesPage key={k()} api={adminApi} />;
    case 'me':
      return <P.MePage key={k()} api={adminApi} />;
    case 'groups':
      return <P.GroupsPage key={k()} api={api} role={session.user.role} />;
    case 'group':
      return <P.GroupPage key={k(route.id)} api={api} id={route.id} role={session.user.role} />;
    case 'kb':
      return <P.KbListPage key={k()} api={api} canWrite={session.user.role !== 'auditor'} />;
    case 'kb-article':
      return <P.KbArticlePage key={k(route.id)} api={api} id={route.id} canWrite={session.user.role !== 'auditor'} />;
    case 'kb-edit':
      return <P.KbEditorPage key={k(`${route.id ?? ''}${route.ticket ?? ''}`)} api={api} id={route.id} fromTicket={route.ticket} />;
    case 'kb-report':
      return <P.KbReportPage key={k()} api={api} />;
    case 'login':
      return null;
    case 'not-found':
      return <P.NotFoundPage />;
  }
}
