// Who is who in a channel: its agents (with live status), skill groups and merchants (archived ones for names only), for names in the
// lists, the profile panel and the transfer dialog; and a small cache of customers by id (a list shows
// many conversations of few customers, and a customer barely changes while the page is open), forgotten
// when the login ends.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { List } from '../api/types';
import { useNotices } from '../live/live';
import { onLogout } from '../session/on-logout';
import type { Agent, Customer, Group, Merchant } from '../api/types';

export interface Directory {
  agents: Agent[];
  groups: Group[];
  merchants: Merchant[];
  agentName(id: string | undefined): string | undefined;
  groupName(id: string | undefined): string | undefined;
  merchantName(id: string | undefined): string | undefined;
  reload(): void;
}

export function useDirectory(channelId: string | undefined): Directory {
  const [agents, setAgents] = useState<Agent[]>([]);
  const [groups, setGroups] = useState<Group[]>([]);
  const [merchants, setMerchants] = useState<Merchant[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!channelId) return;
    let alive = true;
    const base = `/api/v1/channels/${encodeURIComponent(channelId)}`;
    // Each list on its own: a role that may not read one (merchants, say) still gets the others.
    api.get<List<Agent>>(`${base}/agents`, { archived: 'include' }).then(
      (r) => alive && setAgents(r.items),
      () => undefined,
    );
    api.get<List<Group>>(`${base}/groups`, { archived: 'include' }).then(
      (r) => alive && setGroups(r.items),
      () => undefined,
    );
    api.get<List<Merchant>>(`${base}/merchants`, { archived: 'include' }).then(
      (r) => alive && setMerchants(r.items),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [channelId, version]);

  useNotices((n) => {
    if (n.type === 'agent_changed')
      setAgents((list) => list.map((a) => (a.id === n.agentId ? { ...a, status: n.status as Agent['status'] } : a)));
    if (n.type === 'ready') setVersion((v) => v + 1);
  });

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Archived agents, groups and merchants are loaded for their names (history still shows them) and
  // never offered (transfer targets, pickers).
  const liveAgents = useMemo(() => agents.filter((a) => a.archivedAt === undefined), [agents]);
  const liveGroups = useMemo(() => groups.filter((g) => g.archivedAt === undefined), [groups]);
  const liveMerchants = useMemo(() => merchants.filter((m) => m.archivedAt === undefined), [merchants]);
  const agentName = (id: string | undefined) => (id === undefined ? undefined : (agents.find((a) => a.id === id)?.name ?? id));
  const groupName = (id: string | undefined) => (id === undefined ? undefined : (groups.find((g) => g.id === id)?.name ?? id));
  const merchantName = (id: string | undefined) => (id === undefined ? undefined : (merchants.find((m) => m.id === id)?.name ?? id));
  return { agents: liveAgents, groups: liveGroups, merchants: liveMerchants, agentName, groupName, merchantName, reload };
}

const customerCache = new Map<string, Customer>();
const inFlight = new Map<string, Promise<Customer | undefined>>();
/** Bumped when the login ends: an answer fetched for the previous login is not cached for the next. */
let login = 0;
onLogout(() => {
  login += 1;
  customerCache.clear();
  inFlight.clear();
});

function fetchCustomer(id: string): Promise<Customer | undefined> {
  let p = inFlight.get(id);
  if (!p) {
    const fetchedFor = login;
    p = api.get<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`).then(
      (c) => {
        if (fetchedFor === login) customerCache.set(id, c);
        return c;
      },
      () => undefined,
    );
    const pending = p;
    p.finally(() => inFlight.get(id) === pending && inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

/** A customer from the cache, or fetched (for a notification's text). */
export function loadCustomer(id: string): Promise<Customer | undefined> {
  const cached = customerCache.get(id);
  return cached ? Promise.resolve(cached) : fetchCustomer(id);
}

/** The customer with this id (undefined while loading or when unreadable); `fresh` refetches it. */
export function useCustomer(id: string | undefined, fresh = false): Customer | undefined {
  const [customer, setCustomer] = useState<Customer | undefined>(() => (id ? customerCache.get(id) : undefined));
  useEffect(() => {
    if (!id) {
      setCustomer(undefined);
      return;
    }
    setCustomer(customerCache.get(id));
    if (customerCache.has(id) && !fresh) return;
    let alive = true;
    void fetchCustomer(id).then((c) => alive && c && setCustomer(c));
    return () => {
      alive = false;
    };
  }, [id, fresh]);
  return customer;
}

/** A customer's display name: nickname, else a short form of the openid. */
export function customerLabel(c: Customer | undefined, fallback: string): string {
  if (c?.nickname) return c.nickname;
  if (c?.openid) return `${c.openid.slice(0, 10)}${c.openid.length > 10 ? '…' : ''}`;
  return fallback;
}
