// The live channel: one EventSource per page on GET /api/v1/events (server/src/http/workbench/
// event-stream.ts). Notices are hints: a component subscribes to the types it cares about and reloads or
// patches its state; on `ready` (first connect and every reconnect) it reloads, since a reconnect replays
// nothing. `session_ended` means the login is gone.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
// The payloads' types come from the server's schemas (server/src/contract/live-events.ts), type-only, so
// the page cannot drift from what the stream sends and none of the server's code reaches the bundle.
import type { LiveEventData, LiveNotice } from '../../../server/src/contract/live-events';

/** What a subscriber receives: an engine notice, or `ready` with the caller it names. */
export type Notice = LiveNotice | (LiveEventData<'ready'> & { type: 'ready' });

export type NoticeType = Notice['type'];
/** Every notice the page listens for: a type the contract adds and this list misses fails the type-check. */
const LISTENED: Record<NoticeType, true> = {
  ready: true,
  message_added: true,
  conversation_changed: true,
  delivery_failed: true,
  message_delivered: true,
  agent_changed: true,
  agent_no_reply: true,
  queue_changed: true,
  note_added: true,
};
const TYPES = Object.keys(LISTENED) as NoticeType[];

type Listener = (notice: Notice) => void;
export type LiveStatus = 'connecting' | 'open' | 'closed';

interface LiveContext {
  subscribe(listener: Listener): () => void;
  status: LiveStatus;
}

const Context = createContext<LiveContext | undefined>(undefined);

export function LiveProvider({ children, onSessionEnded }: { children: ReactNode; onSessionEnded(): void }) {
  const listeners = useRef(new Set<Listener>());
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const ended = useRef(onSessionEnded);
  ended.current = onSessionEnded;

  useEffect(() => {
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const dispatch = (notice: Notice) => {
      for (const l of listeners.current) l(notice);
    };
    for (const type of TYPES) {
      source.addEventListener(type, (e) => {
        if (type === 'ready') setStatus('open');
        let data: Record<string, unknown> = {};
        try {
          data = JSON.parse((e as MessageEvent<string>).data) as Record<string, unknown>;
        } catch {
          return;
        }
        dispatch({ ...data, type } as Notice);
      });
    }
    source.addEventListener('session_ended', () => {
      source.close();
      setStatus('closed');
      ended.current();
    });
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    return () => source.close();
  }, []);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const value = useMemo(() => ({ subscribe, status }), [subscribe, status]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Calls `listener` for every notice (latest listener; no resubscribe per render). */
export function useNotices(listener: Listener): void {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useNotices outside LiveProvider');
  const latest = useRef(listener);
  latest.current = listener;
  const { subscribe } = ctx;
  useEffect(() => subscribe((n) => latest.current(n)), [subscribe]);
}

export function useLiveStatus(): LiveStatus {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useLiveStatus outside LiveProvider');
  return ctx.status;
}
