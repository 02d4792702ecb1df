// Tells the server while the agent types to the customer (POST …/typing), which shows WeChat's typing
// indicator when WeChat's rules allow (the server decides; asking is cheap). A ping at most every 5 s
// while keys are pressed, so it shows again after WeChat's 15 s; a stop after 4 s without a key, or when
// the agent leaves the conversation. Sending needs no stop: WeChat ends it when the message arrives.
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api/client';

const PING_MS = 5_000;
const IDLE_MS = 4_000;

export function useTypingSignal(conversationId: string, enabled: boolean): { typed(text: string): void; sent(): void } {
  const state = useRef<{ lastPing?: number; idle?: number; active: boolean }>({ active: false });
  const post = useCallback(
    (typing: boolean) =>
      void api.post(`/api/v1/conversations/${encodeURIComponent(conversationId)}/typing`, { typing }).catch(() => undefined),
    [conversationId],
  );
  const stop = useCallback(
    (tell: boolean) => {
      const s = state.current;
      window.clearTimeout(s.idle);
      if (s.active && tell) post(false);
      state.current = { active: false };
    },
    [post],
  );
  useEffect(() => () => stop(true), [stop]);
  const typed = useCallback(
    (text: string) => {
      if (!enabled || text.trim() === '') return stop(true);
      const s = state.current;
      const now = Date.now();
      if (s.lastPing === undefined || now - s.lastPing >= PING_MS) {
        post(true);
        s.lastPing = now;
        s.active = true;
      }
      window.clearTimeout(s.idle);
      s.idle = window.setTimeout(() => stop(true), IDLE_MS);
    },
    [enabled, post, stop],
  );
  return { typed, sent: useCallback(() => stop(false), [stop]) };
}
