// A small modal dialog: a backdrop, a titled panel, Escape and the backdrop close it.
import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { agentMessages } from './messages';

export function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const t = useT(agentMessages);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="inbox-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="inbox-modal card" role="dialog" aria-modal="true" aria-label={title}>
        <div className="inbox-modal-head">
          <h2>{title}</h2>
          <button type="button" className="link" onClick={onClose} aria-label={t('close')}>
            ✕
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

/** A dialog form's end: its error line (with an optional test id), then cancel and the primary action. */
export function ModalActions({
  error,
  errorTestId,
  busy,
  submitLabel,
  submitTestId,
  onClose,
}: {
  error: string | undefined;
  errorTestId?: string;
  busy: boolean;
  submitLabel: string;
  submitTestId: string;
  onClose(): void;
}) {
  const t = useT(agentMessages);
  return (
    <>
      {error && (
        <p className="error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      <div className="row inbox-dialog-actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" data-testid={submitTestId} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
