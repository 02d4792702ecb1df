// Who is logged in. The session itself is an HttpOnly cookie the page cannot read; the page learns who it
// is from GET /api/v1/me, logs in with POST /workbench/session and out with DELETE. Any 401 (expired,
// logged out in another tab, account removed) drops back to the login page. Either way the page forgets
// what it cached for this login (on-logout.ts).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from '../api/client';
import type { Principal } from '../api/types';
import { forgetLogin } from './on-logout';

export interface ClientConfig {
  simulator: boolean;
  version?: string;
}

type State = { kind: 'loading' } | { kind: 'anonymous'; expired: boolean } | { kind: 'in'; principal: Principal };

interface SessionContext {
  state: State;
  config: ClientConfig;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const Context = createContext<SessionContext | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [config, setConfig] = useState<ClientConfig>({ simulator: false });

  useEffect(() => {
    let alive = true;
    api.get<Principal>('/api/v1/me').then(
      (principal) => alive && setState({ kind: 'in', principal }),
      () => alive && setState({ kind: 'anonymous', expired: false }),
    );
    api.get<ClientConfig>('/workbench/config').then(
      (c) => alive && setConfig(c),
      () => undefined,
    );
    const off = onUnauthenticated(() => {
      forgetLogin();
      setState((s) => (s.kind === 'in' ? { kind: 'anonymous', expired: true } : s));
    });
    return () => {
      alive = false;
      off();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.post<{ principal: Principal }>('/workbench/session', { username, password });
    setState({ kind: 'in', principal: answer.principal });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.delete('/workbench/session');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err; // already logged out: fine
    }
    forgetLogin();
    setState({ kind: 'anonymous', expired: false });
  }, []);

  const value = useMemo(() => ({ state, config, login, logout }), [state, config, login, logout]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The logged-in principal; only for components rendered behind the login. */
export function usePrincipal(): Principal {
  const { state } = useSession();
  if (state.kind !== 'in') throw new Error('usePrincipal without a session');
  return state.principal;
}

export const isAdmin = (p: Principal) => p.role === 'platform_admin' || p.role === 'merchant_admin';

/** Who watches over every conversation of their scope (the workbench as a monitor): admins and supervisors. */
export const oversees = (p: Principal) => isAdmin(p) || p.role === 'supervisor';
