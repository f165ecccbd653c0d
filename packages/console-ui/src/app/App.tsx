import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { HOME_PATH } from './routes.js';
import { navigate, useHashRoute } from './use-hash-route.js';
import { createHttpClient } from '../api/http-client.js';
import { clearSession, loadSession, saveSession, type Session } from '../api/session-store.js';
import { ConnectionIndicator } from '../components/ConnectionIndicator.js';
import { TopBar } from '../components/TopBar.js';
import { AlertsPage } from '../pages/AlertsPage.js';
import { DevicePage } from '../pages/DevicePage.js';
import { FleetPage } from '../pages/FleetPage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { createAssetApi } from '../api/asset-api.js';
import { AssetListPage } from '../pages/AssetListPage.js';
import { SoftwareReportPage } from '../pages/SoftwareReportPage.js';
import { ActivityReportPage } from '../pages/ActivityReportPage.js';
import { OverviewPage } from '../pages/OverviewPage.js';
import { createAdminApi } from '../api/admin-api.js';
import { AdminUsersPage } from '../pages/AdminUsersPage.js';
import { EnrollTokensPage } from '../pages/EnrollTokensPage.js';
import { MePage } from '../pages/MePage.js';
import { PendingDevicesPage } from '../pages/PendingDevicesPage.js';
import { openCriticalCount } from '../state/alert-summary.js';
import { useAlerts } from '../state/use-alerts.js';
import { useFleetFeed } from '../state/use-fleet-feed.js';
import { NewTicketPage } from '../pages/NewTicketPage.js';
import { TicketPage } from '../pages/TicketPage.js';
import { TicketsPage } from '../pages/TicketsPage.js';
import { useTickets } from '../state/use-tickets.js';
import { GroupPage } from '../pages/GroupPage.js';
import { GroupsPage } from '../pages/GroupsPage.js';

const ENDED = 'Your session has ended. Please sign in again.';
const EXPIRED = 'Your session expired. Please sign in again.';

/** Session, routing and the live fleet feed; pages get what they need as props. */
export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession(window.sessionStorage, Date.now()));
  const [notice, setNotice] = useState<string | null>(null);
  const route = useHashRoute();
  // Where a logged-out visitor was heading (a deep link to a device), to return there after login.
  const returnTo = useRef<string | null>(null);

  const endSession = useCallback((message: string | null) => {
    clearSession(window.sessionStorage);
    setSession(null);
    setNotice(message);
  }, []);

  const token = session?.token ?? null;
  const api = useMemo(
    () => createHttpClient({ getToken: () => token, onUnauthorized: () => endSession(ENDED) }),
    [token, endSession],
  );

  const assetApi = useMemo(() => createAssetApi({ getToken: () => token, onUnauthorized: () => endSession(ENDED) }), [token, endSession]);
  const adminApi = useMemo(() => createAdminApi({ getToken: () => token, onUnauthorized: () => endSession(ENDED) }), [token, endSession]);
  const feed = useFleetFeed(token, (reason) => endSession(reason === 'expired' ? EXPIRED : ENDED));
  const alerts = useAlerts(feed.socket, api, session?.user.displayName || session?.user.username || 'you');
  const criticalAlerts = useMemo(() => openCriticalCount(alerts.state.live), [alerts.state.live]);
  const tickets = useTickets(feed.socket);
  const me = useMemo(() => ({ id: session?.user.id ?? '', name: session?.user.displayName || session?.user.username || 'you' }), [session]);

  useEffect(() => {
    if (session === null && route.page !== 'login') {
      returnTo.current = window.location.hash.replace(/^#/, '') || null;
      navigate('/login', { replace: true });
    } else if (session !== null && route.page === 'login') {
      navigate(returnTo.current ?? HOME_PATH, { replace: true });
      returnTo.current = null;
    }
  }, [session, route]);

  const onLogin = useCallback((next: Session) => {
    saveSession(window.sessionStorage, next);
    setSession(next);
    setNotice(null);
  }, []);

  const onLogout = useCallback(() => {
    // Tell the hub, but do not wait: the local session ends now whatever the network does.
    api.logout().catch(() => undefined);
    returnTo.current = null;
    endSession(null);
  }, [api, endSession]);

  if (session === null) return <LoginPage api={api} onLogin={onLogin} notice={notice} />;

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <TopBar user={session.user} onLogout={onLogout} page={route.page} criticalAlerts={criticalAlerts}>
        <ConnectionIndicator state={feed.connection} detail={feed.connectionDetail} />
      </TopBar>
      <main id="main" className="page" tabIndex={-1}>
        {route.page === 'overview' && <OverviewPage fleet={feed.fleet} alerts={alerts} />}
        {route.page === 'alerts' && <AlertsPage alerts={alerts} api={api} />}
        {route.page === 'devices' && <FleetPage fleet={feed.fleet} connection={feed.connection} assetApi={assetApi} api={api} alerts={alerts.state.live} />}
        {route.page === 'device' && (
          <DevicePage key={route.id} id={route.id} api={api} summary={feed.fleet.byId.get(route.id)} assetApi={assetApi} alerts={alerts} />
        )}
        {route.page === 'asset-list' && <AssetListPage key={route.kind} api={assetApi} kind={route.kind} />}
        {route.page === 'software-report' && <SoftwareReportPage api={assetApi} />}
        {route.page === 'activity-report' && <ActivityReportPage api={assetApi} />}
        {route.page === 'tickets' && <TicketsPage tickets={tickets} api={api} meId={me.id} devices={feed.fleet.sorted} />}
        {route.page === 'new-ticket' && <NewTicketPage api={api} tickets={tickets} devices={feed.fleet.sorted} />}
        {route.page === 'ticket' && (
          <TicketPage key={route.id} id={route.id} api={api} tickets={tickets} alerts={alerts.state.live} devices={feed.fleet.byId} me={me} />
        )}
        {route.page === 'admin-users' && <AdminUsersPage api={adminApi} />}
        {route.page === 'admin-enroll-tokens' && <EnrollTokensPage api={adminApi} />}
        {route.page === 'admin-devices-pending' && <PendingDevicesPage api={adminApi} />}
        {route.page === 'me' && <MePage api={adminApi} />}
        {route.page === 'groups' && <GroupsPage api={api} role={session.user.role} />}
        {route.page === 'group' && <GroupPage key={route.id} api={api} id={route.id} role={session.user.role} />}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </div>
  );
}

// The hash drives routing, so the skip link moves focus itself instead of changing the hash.
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
