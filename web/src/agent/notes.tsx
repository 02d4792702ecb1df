// Internal notes in the open conversation: loaded with it, reloaded when a note_added notice names it
// (a colleague wrote one), shown in the timeline in their own colour, and written from a small form
// under the messages. A note goes to the server's notes, never to the customer.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useFormatters, useT } from '../i18n/i18n';
import { useNotices } from '../live/live';
import { deskMessages } from './desk-messages';
import type { Note } from './desk-types';

export function useNotes(conversationId: string): { notes: Note[]; reload(): void } {
  const [notes, setNotes] = useState<Note[]>([]);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let alive = true;
    void version;
    api.get<{ items: Note[] }>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/notes`).then(
      (r) => alive && setNotes(r.items),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [conversationId, version]);
  useNotices((n) => {
    if (n.type === 'note_added' && n.conversationId === conversationId) reload();
  });
  return { notes, reload };
}

/** Timeline items with the notes put in time order (a note after what happened in its millisecond). */
export function withNotes<T>(items: readonly T[], timeOf: (item: T) => number, notes: readonly Note[]): Array<T | { note: Note }> {
  const pending = [...notes];
  const out: Array<T | { note: Note }> = [];
  for (const item of items) {
    while (pending[0] && pending[0].createdAt < timeOf(item)) out.push({ note: pending.shift() as Note });
    out.push(item);
  }
  return [...out, ...pending.map((note) => ({ note }))];
}

export function NoteLine({ note, agentName }: { note: Note; agentName(id: string | undefined): string | undefined }) {
  const t = useT(deskMessages);
  const f = useFormatters();
  const who = note.author.kind === 'agent' ? (agentName(note.author.agentId) ?? note.author.agentId) : t('note_by_admin');
  return (
    <div className="desk-note" data-testid="note" data-note-transfer={note.transfer === true} role="note">
      <div className="desk-note-head">
        <span className="desk-note-kind">{note.transfer ? t('note_transfer') : t('note_label')}</span>
        <span>{who}</span> · <time dateTime={new Date(note.createdAt).toISOString()}>{f.time(note.createdAt)}</time>
      </div>
      <div className="desk-note-text">{note.text}</div>
    </div>
  );
}

export function NoteForm({ conversationId, onAdded }: { conversationId: string; onAdded(): void }) {
  const t = useT(deskMessages);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/conversations/${encodeURIComponent(conversationId)}/notes`, { text });
      setText('');
      onAdded();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="desk-note-form" onSubmit={(e) => void submit(e)} data-testid="note-form">
      <textarea
        name="note"
        rows={2}
        maxLength={2000}
        value={text}
        placeholder={t('note_placeholder')}
        aria-label={t('note_label')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <span className="hint">{t('note_hint')}</span>
        <button type="submit" data-testid="note-submit" disabled={busy || !text.trim()}>
          {busy ? t('note_adding') : t('note_add')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
