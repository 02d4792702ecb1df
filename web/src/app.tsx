// The app's frame: login gate, the live channel, the top bar and the routes of each part. Routes live
// under /app/ (the server serves index.html for every /app/<route>); agents land on their conversations,
// admins on the console.
import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { AgentPage } from './agent/agent-page';
import { useLang, useT } from './i18n/i18n';
import { LiveProvider, useLiveStatus } from './live/live';
import { LoginPage } from './pages/login-page';
import { isAdmin, oversees, usePrincipal, useSession } from './session/session';
import { shellMessages } from './shell-messages';

// Agents load only their view: the console and the simulator (with the session-from codec and its
// cipher) are fetched the first time an admin opens them.
const AdminPage = lazy(async () => ({ default: (await import('./admin/admin-page')).AdminPage }));
const QuickRepliesPage = lazy(async () => ({ default: (await import('./agent/quick-replies-page')).QuickRepliesPage }));
const SimulatorPage = lazy(async () => ({ default: (await import('./simulator/simulator-page')).SimulatorPage }));

function LiveBadge() {
  const t = useT(shellMessages);
  const status = useLiveStatus();
  if (status === 'open') return null;
  return (
    <span className={`live-badge ${status}`} role="status">
      {status === 'connecting' ? t('live_connecting') : t('live_closed')}
    </span>
  );
}

function TopBar() {
  const t = useT(shellMessages);
  const { lang, setLang } = useLang();
  const { logout, config } = useSession();
  const principal = usePrincipal();
  const [location] = useLocation();
  const tab = (href: string, label: string) => (
    <Link href={href} className={location.startsWith(href) ? 'tab active' : 'tab'}>
      {label}
    </Link>
  );
  return (
    <header className="topbar">
      <span className="brand">{t('product')}</span>
      <nav className="tabs">
        {tab('/inbox', t('inbox'))}
        {principal.role !== 'supervisor' && tab('/quick-replies', t('quick_replies'))}
        {oversees(principal) && tab('/admin', t('admin'))}
        {config.simulator && isAdmin(principal) && tab('/simulator', t('simulator'))}
      </nav>
      <LiveBadge />
      <span className="spacer" />
      <span className="who" title={principal.role}>
        {t(`role_${principal.role}`)}
      </span>
      <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {t('language')}
      </button>
      <button type="button" className="link" onClick={() => void logout()}>
        {t('logout')}
      </button>
    </header>
  );
}

function LoggedIn() {
  const { logout, config } = useSession();
  const principal = usePrincipal();
  const t = useT(shellMessages);
  return (
    <LiveProvider onSessionEnded={() => void logout()}>
      <div className="app">
        <TopBar />
        <Switch>
          <Route path="/">
            <Redirect to={isAdmin(principal) ? '/admin' : '/inbox'} replace />
          </Route>
          {/* Straight to the home screen: a Redirect to "/" would reuse this Redirect there, whose navigation runs once. */}
          <Route path="/login">
            <Redirect to={isAdmin(principal) ? '/admin' : '/inbox'} replace />
          </Route>
          <Route path="/inbox" nest>
            <AgentPage />
          </Route>
          <Route path="/quick-replies">
            <Suspense fallback={<p className="loading">{t('loading')}</p>}>
              <QuickRepliesPage />
            </Suspense>
          </Route>
          {oversees(principal) && (
            <Route path="/admin" nest>
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <AdminPage />
              </Suspense>
            </Route>
          )}
          {config.simulator && isAdmin(principal) && (
            <Route path="/simulator">
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <SimulatorPage />
              </Suspense>
            </Route>
          )}
          <Route>
            <main className="page">
              <p>{t('not_found')}</p>
            </main>
          </Route>
        </Switch>
      </div>
    </LiveProvider>
  );
}

export function App() {
  const { state } = useSession();
  const t = useT(shellMessages);
  if (state.kind === 'loading') return <p className="loading">{t('loading')}</p>;
  if (state.kind === 'anonymous') return <LoginPage expired={state.expired} />;
  return <LoggedIn />;
}
