// Quick replies in the composer: typing / at the start of the box (or Alt+Q, or the toolbar button)
// opens the list of the agent's own and their team's replies, filtered by what follows the /; ↑↓ choose,
// Enter or a click uses one, Esc closes. A text reply goes into the box, filled for this customer by the
// server (the knowledge base's placeholders), to be read and sent with Enter; one with a picture or a
// card is sent at once, whole.
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { List, ReplyPayload, UsableQuickReply } from '../api/types';
import { useT } from '../i18n/i18n';
import { deskMessages } from './desk-messages';

interface Options {
  conversationId: string;
  text: string;
  setText(value: string): void;
  send(payload: ReplyPayload): Promise<void>;
  disabled: boolean;
}

export interface QuickReplyPicker {
  element: ReactNode;
  /** The composer's keys go here first; true when the list used the key. */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
  open(): void;
}

/** `/问候` (no line break yet): the list filters by what follows the slash. */
const slashFilter = (text: string): string | undefined => (/^[/／][^\n]*$/.test(text) ? text.slice(1).trim().toLowerCase() : undefined);

function matches(u: UsableQuickReply, filter: string): boolean {
  if (filter === '') return true;
  if (String(u.number) === filter) return true;
  return u.reply.title.toLowerCase().includes(filter) || (u.rendered.text ?? '').toLowerCase().includes(filter);
}

export function useQuickReplyPicker({ conversationId, text, setText, send, disabled }: Options): QuickReplyPicker {
  const t = useT(deskMessages);
  const [items, setItems] = useState<UsableQuickReply[]>();
  const [error, setError] = useState<string>();
  const [forced, setForced] = useState(false);
  const [dismissed, setDismissed] = useState<string>();
  const [active, setActive] = useState(0);
  const slash = slashFilter(text);
  const isOpen = !disabled && (forced || (slash !== undefined && dismissed !== text));
  const shown = useMemo(() => (items ?? []).filter((u) => matches(u, forced ? '' : (slash ?? ''))), [items, slash, forced]);

  useEffect(() => {
    if (!isOpen) return;
    const ctl = new AbortController();
    api
      .get<List<UsableQuickReply>>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/quick-replies`, undefined, ctl.signal)
      .then(
        (r) => {
          setItems(r.items);
          setError(undefined);
        },
        (err: unknown) => {
          if ((err as Error).name !== 'AbortError') setError(err instanceof ApiError ? err.message : String(err));
        },
      );
    return () => ctl.abort();
  }, [isOpen, conversationId]);
  useEffect(() => setActive(0), [slash, forced]);

  const close = () => {
    setForced(false);
    setDismissed(text);
  };
  const pick = (u: UsableQuickReply) => {
    const whole = u.rendered.picture !== undefined || u.rendered.card !== undefined;
    const wasSlash = !forced;
    setForced(false);
    if (whole) {
      void send({ quickReply: { id: u.reply.id } }).then(
        () => wasSlash && setText(''),
        () => undefined,
      );
      return;
    }
    const filled = u.rendered.text ?? '';
    setText(wasSlash || text === '' ? filled : `${text}\n${filled}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!isOpen || e.nativeEvent.isComposing) return false;
    const n = shown.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (n > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      // Nothing to pick (still loading, or no match): the /text is not sent; Esc first to send it as typed.
      const u = shown[Math.min(active, n - 1)];
      if (u) pick(u);
    } else if (e.key === 'Escape') close();
    else return false;
    e.preventDefault();
    return true;
  };

  const element = isOpen && (
    <div className="inbox-quick" data-testid="quick-replies">
      <div className="inbox-quick-head">
        <strong>{t('quick_replies')}</strong>
        <span className="hint">{t('quick_hint')}</span>
      </div>
      {error && <p className="error">{t('quick_failed', { reason: error })}</p>}
      {items && items.length === 0 && <p className="hint">{t('quick_empty')}</p>}
      {items && items.length > 0 && shown.length === 0 && <p className="hint">{t('quick_none')}</p>}
      <ul role="listbox" aria-label={t('quick_replies')}>
        {shown.map((u, i) => (
          <li
            key={u.reply.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            data-testid="quick-reply-option"
            onMouseDown={(e) => {
              e.preventDefault(); // keep the box's focus
              pick(u);
            }}
          >
            <span className="inbox-quick-title">
              {u.number}. {u.reply.title}
            </span>
            <span className="inbox-quick-kind">{u.reply.agentId ? t('quick_personal') : t('quick_team')}</span>
            <span className="inbox-quick-text">{u.rendered.text}</span>
            {(u.rendered.picture || u.rendered.card) && (
              <span className="inbox-quick-kind">
                {u.rendered.picture ? t('quick_picture') : t('quick_card')} · {t('quick_sends_all')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
  return { element, onKeyDown, open: () => !disabled && setForced(true) };
}
