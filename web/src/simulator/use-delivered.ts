// What WeChat delivered to one simulated customer, polled from the emulator's record every second while
// the page is open (faster for a few seconds after a send, when the answer is on its way).
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';

export interface Delivered {
  seq: number;
  at: number;
  message: { msgtype?: string } & Record<string, unknown>;
}

export function useDelivered(channelId: string | undefined, openid: string) {
  const [items, setItems] = useState<Delivered[]>([]);
  const [error, setError] = useState<string>();
  const fastUntil = useRef(0);
  const key = `${channelId}|${openid}`;
  const current = useRef(key);
  current.current = key;

  const poll = useCallback(async () => {
    if (!channelId || !/^[A-Za-z0-9_-]{1,64}$/.test(openid)) return;
    const asked = `${channelId}|${openid}`;
    try {
      const r = await api.get<{ items: Delivered[] }>('/workbench/simulator/messages', { channelId, openid });
      if (current.current !== asked) return;
      setItems((old) => (old.length === r.items.length && old.at(-1)?.seq === r.items.at(-1)?.seq ? old : r.items));
      setError(undefined);
    } catch (err) {
      if (current.current === asked) setError(err instanceof ApiError ? err.message : String(err));
    }
  }, [channelId, openid]);

  useEffect(() => {
    setItems([]);
    let stopped = false;
    let timer: number | undefined;
    const loop = async () => {
      if (stopped) return;
      if (!document.hidden) await poll();
      timer = window.setTimeout(() => void loop(), Date.now() < fastUntil.current ? 300 : 1000);
    };
    void loop();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [poll]);

  /** After a send: poll quickly for a while. */
  const hurry = useCallback(() => {
    fastUntil.current = Date.now() + 5000;
    void poll();
  }, [poll]);

  return { items, error, hurry };
}
