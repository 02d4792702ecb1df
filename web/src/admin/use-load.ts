// Loading one thing from the API with the three states every admin screen shows (loading, error, data),
// cancelled when the inputs change or the screen goes away, and reloadable after a change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): void;
  setData(update: (current: T | undefined) => T | undefined): void;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/** `load` runs when `key` changes (a string of its inputs) and on reload(); undefined `key` loads nothing. */
export function useLoad<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [data, setState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(key !== undefined);
  const [round, setRound] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  const shownKey = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (key === undefined) {
      setLoading(false);
      return;
    }
    const ctrl = new AbortController();
    // A new key shows "loading" instead of the previous scope's data; a reload keeps the data visible.
    if (shownKey.current !== key) setState(undefined);
    setLoading(true);
    latest.current(ctrl.signal).then(
      (value) => {
        if (ctrl.signal.aborted) return;
        shownKey.current = key;
        setState(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(errorText(err));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback((update: (current: T | undefined) => T | undefined) => setState(update), []);
  return { data, error, loading, reload, setData };
}

/** A form's submit: busy while sending, the server's message on failure. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
