// The admin console: a side menu on a laptop (a menu button and list on a phone) and one screen per
// route under /app/admin/. Platform admins see every screen; merchant admins only those of their own
// merchant; supervisors only reports and exports (screen-roles.ts). The server enforces the same; a 403
// shows its message on the screen.
import { useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useT } from '../i18n/i18n';
import { AdminProvider, useAdmin } from './admin-context';
import { AgentsScreen } from './agents/agents-screen';
import { AuditScreen } from './audit/audit-screen';
import { CalendarsScreen } from './calendars/calendars-screen';
import { ChannelsScreen } from './channels/channels-screen';
import { DashboardScreen } from './dashboard/dashboard-screen';
import { ExportsScreen } from './exports-screen';
import { GroupsScreen } from './groups/groups-screen';
import { KnowledgeScreen } from './knowledge/knowledge-screen';
import { LoginsScreen } from './logins-screen';
import { MerchantsScreen } from './merchants/merchants-screen';
import { PlatformScreen } from './platform/platform-screen';
import { ReportsScreen } from './reports/reports-screen';
import { RevokedAuthorizationsBanner } from './platform/revoked-banner';
import { adminMessages } from './messages';
import { RoutingScreen } from './routing/routing-screen';
import { seesScreen } from './screen-roles';
import { TagsScreen } from './tags-screen';
import { TokensScreen } from './tokens-screen';
import { WebhooksScreen } from './webhooks/webhooks-screen';
import './admin.css';

type NavKey =
  | 'dashboard'
  | 'reports'
  | 'channels'
  | 'merchants'
  | 'agents'
  | 'groups'
  | 'calendars'
  | 'routing'
  | 'knowledge'
  | 'tags'
  | 'exports'
  | 'webhooks'
  | 'tokens'
  | 'logins'
  | 'platform'
  | 'audit';

interface NavItem {
  key: NavKey;
  href: string;
  platformOnly?: boolean;
}

const NAV: NavItem[] = [
  { key: 'dashboard', href: '/' },
  { key: 'reports', href: '/reports' },
  { key: 'channels', href: '/channels' },
  { key: 'merchants', href: '/merchants', platformOnly: true },
  { key: 'agents', href: '/agents' },
  { key: 'groups', href: '/groups' },
  { key: 'calendars', href: '/calendars' },
  { key: 'routing', href: '/routing' },
  { key: 'knowledge', href: '/knowledge' },
  { key: 'tags', href: '/tags' },
  { key: 'exports', href: '/exports' },
  { key: 'webhooks', href: '/webhooks' },
  { key: 'tokens', href: '/tokens', platformOnly: true },
  { key: 'logins', href: '/logins' },
  { key: 'platform', href: '/platform', platformOnly: true },
  { key: 'audit', href: '/audit' },
];

function isCurrent(location: string, href: string): boolean {
  return href === '/' ? location === '/' || location === '' : location === href || location.startsWith(`${href}/`);
}

function AdminNav() {
  const t = useT(adminMessages);
  const { isPlatform, principal } = useAdmin();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const items = NAV.filter((n) => (isPlatform || !n.platformOnly) && seesScreen(principal, n.href));
  const current = items.find((n) => isCurrent(location, n.href)) ?? items[0];
  return (
    <nav className={open ? 'admin-nav open' : 'admin-nav'} aria-label={t('menu')}>
      <button
        type="button"
        className="admin-nav-toggle"
        aria-expanded={open}
        aria-controls="admin-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">☰</span> {current ? t(`nav_${current.key}`) : t('menu')}
      </button>
      <ul id="admin-nav-list" data-testid="admin-nav">
        {items.map((n) => (
          <li key={n.key}>
            <Link
              href={n.href}
              className={isCurrent(location, n.href) ? 'active' : ''}
              aria-current={isCurrent(location, n.href) ? 'page' : undefined}
              data-nav={n.key}
              onClick={() => setOpen(false)}
            >
              {t(`nav_${n.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Screens() {
  const t = useT(adminMessages);
  const { isPlatform, principal } = useAdmin();
  const [location] = useLocation();
  if (!seesScreen(principal, location)) return <p className="admin-empty">{t('not_found')}</p>;
  return (
    <Switch>
      <Route path="/">
        <DashboardScreen />
      </Route>
      <Route path="/reports">
        <ReportsScreen />
      </Route>
      <Route path="/channels">
        <ChannelsScreen />
      </Route>
      {isPlatform && (
        <Route path="/merchants">
          <MerchantsScreen />
        </Route>
      )}
      <Route path="/agents">
        <AgentsScreen />
      </Route>
      <Route path="/groups">
        <GroupsScreen />
      </Route>
      <Route path="/calendars">
        <CalendarsScreen />
      </Route>
      <Route path="/routing">
        <RoutingScreen />
      </Route>
      <Route path="/knowledge">
        <KnowledgeScreen />
      </Route>
      <Route path="/tags">
        <TagsScreen />
      </Route>
      <Route path="/exports">
        <ExportsScreen />
      </Route>
      <Route path="/webhooks">
        <WebhooksScreen />
      </Route>
      <Route path="/logins">
        <LoginsScreen />
      </Route>
      {isPlatform && (
        <Route path="/tokens">
          <TokensScreen />
        </Route>
      )}
      {isPlatform && (
        <Route path="/platform">
          <PlatformScreen />
        </Route>
      )}
      <Route path="/audit">
        <AuditScreen />
      </Route>
      <Route>
        <p className="admin-empty">{t('not_found')}</p>
      </Route>
    </Switch>
  );
}

export function AdminPage() {
  return (
    <AdminProvider>
      <div className="admin">
        <AdminNav />
        <main className="admin-main">
          <RevokedAuthorizationsBanner />
          <Screens />
        </main>
      </div>
    </AdminProvider>
  );
}
