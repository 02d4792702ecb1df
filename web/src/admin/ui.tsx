// Small pieces every admin screen uses: the loading/error/empty states, a two-step confirm for
// destructive actions (inline, so nothing blocks the page and tests need no dialog handling) and a copy
// button.
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { adminMessages } from './messages';
import type { Loaded } from './use-load';

/** Renders `children(data)` once loaded; the loading and error states (with retry) otherwise. */
export function LoadState<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  const t = useT(adminMessages);
  if (state.data !== undefined) {
    return (
      <>
        {state.error && (
          <p className="error" role="alert">
            {state.error}
          </p>
        )}
        {children(state.data)}
      </>
    );
  }
  if (state.error) {
    return (
      <div className="admin-state row" role="alert">
        <p className="error">{state.error}</p>
        <button type="button" onClick={state.reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return (
    <p className="admin-state hint" aria-busy="true">
      {t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="admin-empty">{children}</p>;
}

/** A destructive button: the first click asks, the second (on "yes") acts. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled,
  testId,
}: {
  label: string;
  question?: string;
  onConfirm(): void;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT(adminMessages);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" disabled={disabled} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="admin-confirm" role="group">
      <span>{question ?? t('confirm_q')}</span>
      <button
        type="button"
        className="danger"
        data-testid="confirm-yes"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('confirm_yes')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}

export function CopyButton({ value }: { value: string }) {
  const t = useT(adminMessages);
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (plain http, old browser): select-and-copy by hand still works.
      return;
    }
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" className="admin-copy" onClick={() => void copy()}>
      {done ? t('copied') : t('copy')}
    </button>
  );
}

/** A field's label with its control and an optional explanation under it. */
export function Field({ label, hint, children, wide }: { label: string; hint?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'admin-field wide' : 'admin-field'}>
      <span>{label}</span>
      {children}
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}

/** Lines or commas → trimmed non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,，]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
