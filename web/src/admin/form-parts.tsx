// The parts every admin editing form is made of: the card's title with its close link, the error line,
// the footer with save and cancel, and the "create" button above a list. One place, so every form looks
// and behaves the same (and the browser tests find the same roles and test ids everywhere).
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { adminMessages } from './messages';

/** What a form's footer needs to know about its submit (see `useSubmit`). */
export interface SubmitState {
  busy: boolean;
  error: string | undefined;
}

/** A card's heading with a "close" link at the right. */
export function SectionTitle({ title, onClose }: { title: ReactNode; onClose(): void }) {
  const ta = useT(adminMessages);
  return (
    <div className="admin-section-title">
      <h2>{title}</h2>
      <button type="button" className="link" onClick={onClose}>
        {ta('close')}
      </button>
    </div>
  );
}

/** The server's (or the form's own) message, announced to screen readers. */
export function ErrorLine({ error }: { error: string | undefined }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

export interface FooterProps {
  submit: SubmitState;
  saveTestId?: string;
  /** The save button's whole text; "Save" (and "Saving…" while busy) by default. */
  saveLabel?: string;
  /** Without it the footer has no cancel button. */
  onCancel?(): void;
  /** True once the last save succeeded: "saved" between the error line and the buttons. */
  saved?: boolean;
  /** Buttons after save, instead of (or besides) cancel. */
  children?: ReactNode;
}

/** The error line, then save and cancel. */
export function FormFooter({ submit, saveTestId, saveLabel, onCancel, saved, children }: FooterProps) {
  const ta = useT(adminMessages);
  return (
    <>
      <ErrorLine error={submit.error} />
      {saved && (
        <p className="success" role="status">
          {ta('saved')}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="primary" data-testid={saveTestId} disabled={submit.busy}>
          {saveLabel ?? (submit.busy ? ta('saving') : ta('save'))}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {ta('cancel')}
          </button>
        )}
        {children}
      </div>
    </>
  );
}

/** A create/edit form in a card: title with close, the fields, error line, save and cancel. */
export function EditForm({
  title,
  onSubmit,
  onClose,
  children,
  ...footer
}: { title: ReactNode; onSubmit(e: FormEvent): void; onClose(): void; children: ReactNode } & Omit<FooterProps, 'onCancel' | 'children'>) {
  return (
    <form className="card admin-form" onSubmit={onSubmit} noValidate>
      <SectionTitle title={title} onClose={onClose} />
      {children}
      <FormFooter {...footer} onCancel={onClose} />
    </form>
  );
}

/** The primary "create …" button above a list screen's table. */
export function CreateBar({ label, testId, onClick }: { label: string; testId: string; onClick(): void }) {
  return (
    <div className="row">
      <button type="button" className="primary" data-testid={testId} onClick={onClick}>
        {label}
      </button>
    </div>
  );
}
