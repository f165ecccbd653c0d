import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { HOME_PATH } from './routes.js';
import { navigate, useHashRoute } from './use-hash-route.js';
import { createHttpClient } from '../api/http-client.js';
import { clearSession, loadSession, saveSession, type Session } from '../api/session-store.js';
import { ConnectionIndicator } from '../components/ConnectionIndicator.js';
import { TopBar } from '../components/TopBar.js';
import { SideNav } from '../components/SideNav.js';
import { DatabaseBanner } from '../components/DatabaseBanner.js';
import { StaleBanner } from '../components/StaleBanner.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { LoginPage } from '../pages/LoginPage.js';
import { createAssetApi } from '../api/asset-api.js';
import { createAdminApi } from '../api/admin-api.js';
import { createIntegrationsApi } from '../api/integrations-api.js';
import { openAlertCounts } from '../state/alert-summary.js';
import { useAlerts } from '../state/use-alerts.js';
import { useFleetFeed } from '../state/use-fleet-feed.js';
import { useTickets } from '../state/use-tickets.js';
import { FreshnessContext } from './stale-context.js';
import { useDatabaseHealth } from './use-database-health.js';
import { useFreshnessTracker } from './use-freshness-tracker.js';
import { PageOutlet } from './PageOutlet.js';
import { CommandPalette } from '../components/CommandPalette.js';
import { useGlobalShortcuts } from './use-global-shortcuts.js';
import { ShortcutHelp } from '../components/ShortcutHelp.js';
import { AlertTicketsContext, alertTicketIndex } from '../state/alert-tickets.js';
import { t, useLanguage, useT } from '../i18n/i18n.js';

const ENDED = () => t('common.sessionEnded');
const EXPIRED = () => t('common.sessionExpired');

/** Session, routing and the live fleet feed; pages get what they need as props. */
export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession(window.sessionStorage, Date.now()));
  const [notice, setNotice] = useState<string | null>(null);
  const route = useHashRoute();
  // Re-renders the shell (and, through the key below, every page) when the language changes.
  const tr = useT();
  const language = useLanguage();
  // Where a logged-out visitor was heading (a deep link to a device), to return there after login.
  const returnTo = useRef<string | null>(null);

  const endSession = useCallback((message: string | null) => {
    clearSession(window.sessionStorage);
    setSession(null);
    setNotice(message);
  }, []);

  const token = session?.token ?? null;
  const api = useMemo(
    () => createHttpClient({ getToken: () => token, onUnauthorized: () => endSession(ENDED()) }),
    [token, endSession],
  );

  const assetApi = useMemo(() => createAssetApi({ getToken: () => token, onUnauthorized: () => endSession(ENDED()) }), [token, endSession]);
  const adminApi = useMemo(() => createAdminApi({ getToken: () => token, onUnauthorized: () => endSession(ENDED()) }), [token, endSession]);
  const integrationsApi = useMemo(() => createIntegrationsApi({ getToken: () => token, onUnauthorized: () => endSession(ENDED()) }), [token, endSession]);
  const feed = useFleetFeed(token, (reason) => endSession(reason === 'expired' ? EXPIRED() : ENDED()));
  const alerts = useAlerts(feed.socket, api, session?.user.displayName || session?.user.username || 'you');
  const alertCounts = useMemo(() => openAlertCounts(alerts.state.live), [alerts.state.live]);
  const tickets = useTickets(feed.socket);
  const me = useMemo(() => ({ id: session?.user.id ?? '', name: session?.user.displayName || session?.user.username || 'you' }), [session]);
  const freshness = useFreshnessTracker(feed.connection);
  const { databaseDown } = useDatabaseHealth(session !== null);
  const alertTickets = useMemo(() => alertTicketIndex(tickets.state.byId.values()), [tickets.state.byId]);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  useGlobalShortcuts(session !== null, { openPalette: () => setPaletteOpen(true), openHelp: () => setHelpOpen(true) });

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
    <FreshnessContext.Provider value={freshness}>
      <AlertTicketsContext.Provider value={alertTickets}>
      <div className={freshness.stale ? 'app is-stale' : 'app'}>
        <a className="skip-link" href="#main" onClick={skipToMain}>
          {tr('common.skipToContent')}
        </a>
        <TopBar user={session.user} onLogout={onLogout} onSearch={() => setPaletteOpen(true)}>
          <ConnectionIndicator state={feed.connection} detail={feed.connectionDetail} />
        </TopBar>
        <div className="shell">
          <SideNav role={session.user.role} page={route.page} alertCounts={alertCounts} />
          <main id="main" className="page" tabIndex={-1}>
            <StaleBanner detail={feed.connectionDetail} />
            <DatabaseBanner down={databaseDown && !freshness.stale} />
            <fieldset key={language} className="page-content" disabled={freshness.stale} data-stale={freshness.stale || undefined}>
              <Suspense fallback={<PageSkeleton />}>
                <PageOutlet
                  route={route}
                  epoch={freshness.epoch}
                  session={session}
                  api={api}
                  assetApi={assetApi}
                  adminApi={adminApi}
                  integrationsApi={integrationsApi}
                  feed={feed}
                  alerts={alerts}
                  tickets={tickets}
                  me={me}
                />
              </Suspense>
            </fieldset>
          </main>
        </div>
        {paletteOpen && <CommandPalette api={api} onClose={() => setPaletteOpen(false)} />}
        {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      </div>
      </AlertTicketsContext.Provider>
    </FreshnessContext.Provider>
  );
}

// The hash drives routing, so the skip link moves focus itself instead of changing the hash.
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
