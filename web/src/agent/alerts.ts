// How the inbox gets an agent's attention: a desktop notification (permission asked from a click, never
// on load), a short beep synthesised with Web Audio (no asset to ship), and a mute switch remembered in
// localStorage. Browsers only let audio start after a user gesture, so the audio context is created
// lazily and resumed on the first click.
import { useCallback, useEffect, useState } from 'react';

const MUTE_KEY = 'kefu.inbox.muted';
let audio: AudioContext | undefined;

function audioContext(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined;
  audio ??= new AudioContext();
  return audio;
}

/** Unlocks audio (and asks for notification permission when not yet decided) on a user gesture. */
export function unlockOnGesture(): () => void {
  const onGesture = () => {
    void audioContext()
      ?.resume()
      .catch(() => undefined);
    if (typeof Notification !== 'undefined' && Notification.permission === 'default')
      void Notification.requestPermission().catch(() => undefined);
    document.removeEventListener('pointerdown', onGesture);
  };
  document.addEventListener('pointerdown', onGesture);
  return () => document.removeEventListener('pointerdown', onGesture);
}

/** Two short tones, quiet enough for an office. */
export function beep(): void {
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime;
  for (const [i, freq] of [880, 1175].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t = start + i * 0.14;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.15, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.12);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.13);
  }
}

/** A desktop notification when allowed; clicking it focuses the tab and opens `onClick`. */
export function notify(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some browsers (Android Chrome) only notify from a service worker; the beep and badge remain.
  }
}

export type Permission = NotificationPermission | 'unsupported';

export function useNotificationPermission(): [Permission, () => void] {
  const read = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  const [permission, setPermission] = useState<Permission>(read);
  const ask = useCallback(() => {
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then(
      () => setPermission(read()),
      () => setPermission(read()),
    );
  }, []);
  useEffect(() => {
    const id = window.setInterval(() => setPermission(read()), 5000); // changed in the browser's settings
    return () => window.clearInterval(id);
  }, []);
  return [permission, ask];
}

export function useMute(): [boolean, (muted: boolean) => void] {
  const [muted, setMutedState] = useState(() => localStorage.getItem(MUTE_KEY) === '1');
  const setMuted = useCallback((next: boolean) => {
    localStorage.setItem(MUTE_KEY, next ? '1' : '0');
    setMutedState(next);
  }, []);
  return [muted, setMuted];
}

/** "(3) 客服工作台": the unread count in the tab title while the inbox is open. */
export function useTitle(title: string, unread: number): void {
  useEffect(() => {
    const before = document.title;
    document.title = unread > 0 ? `(${unread}) ${title}` : title;
    return () => {
      document.title = before;
    };
  }, [title, unread]);
}
