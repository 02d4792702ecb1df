// Writing to the customer: the reply box (Enter sends, Shift+Enter breaks the line), a picture, a mini
// program card, an answer from the knowledge base or a quick reply (/ or Alt+Q). A refused or failed send
// shows the server's reason here; nothing fails silently. Drafts survive switching conversations. While
// the agent types, the customer may see WeChat's typing indicator (typing-signal.ts).
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../api/client';
import { onLogout } from '../session/on-logout';
import { useT } from '../i18n/i18n';
import type { ReplyPayload } from '../api/types';
import { CardDialog } from './card-dialog';
import { CardIcon, ImageIcon } from './icons';
import { KnowledgeSearch } from './knowledge-search';
import { agentMessages } from './messages';
import { imageProblem, uploadImage } from './upload';
import { pastedImage } from './paste-image';
import { useQuickReplyPicker } from './quick-reply-picker';
import { useShortcut } from './shortcuts';
import { useTypingSignal } from './typing-signal';
import { usePrincipal } from '../session/session';
import { deskMessages } from './desk-messages';

/** Unsent replies by conversation; the next login does not inherit them. */
const drafts = new Map<string, string>();
onLogout(() => drafts.clear());

interface Props {
  conversationId: string;
  channelId: string;
  /** Platform admins: the conversation's merchant ('platform' for the platform team), for pictures and the knowledge base. */
  merchantId?: string | undefined;
  /** Why sending is impossible now (window closed, not mine…); undefined when it is allowed. */
  blocked: string | undefined;
  /** False when the reason is already on screen (the send window bar). */
  showBlocked?: boolean;
  onSend(payload: ReplyPayload): Promise<void>;
}

/**
 * Memoised: a customer writing re-renders the chat above it for every message, and React sets the file
 * inputs' name and type attributes again on each render (a style recalculation each time). Its props
 * are strings and a stable onSend, so it renders when the agent types or the window changes.
 */
export const Composer = memo(function Composer({ conversationId, channelId, merchantId, blocked, showBlocked = true, onSend }: Props) {
  const t = useT(agentMessages);
  const [text, setTextState] = useState(() => drafts.get(conversationId) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [cardOpen, setCardOpen] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const disabled = blocked !== undefined;

  const setText = (value: string) => {
    drafts.set(conversationId, value);
    setTextState(value);
  };
  const td = useT(deskMessages);
  const isAgent = usePrincipal().role === 'agent';
  const typing = useTypingSignal(conversationId, !disabled && isAgent);
  const quick = useQuickReplyPicker({ conversationId, text, setText, send: (p) => send(p), disabled: disabled || busy });
  useShortcut('quick', () => {
    quick.open();
    input.current?.focus();
  });

  /** Sends and reports a refusal next to the composer; rethrows so a caller can keep its state. */
  const send = async (payload: ReplyPayload) => {
    setBusy(true);
    setError(undefined);
    try {
      await onSend(payload);
      typing.sent();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      throw err;
    } finally {
      setBusy(false);
    }
  };

  const sendText = async () => {
    const value = text.trim();
    if (!value || busy || disabled) return;
    try {
      await send({ text: value });
      setText('');
    } catch {
      // shown by send(); the text stays for another try
    }
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (quick.onKeyDown(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void sendText();
    }
  };

  const sendImage = async (file: File | undefined) => {
    if (!file) return;
    const problem = imageProblem(file);
    if (problem) return setError(problem === 'too_big' ? t('image_too_big') : t('image_wrong_type'));
    setBusy(true);
    setError(undefined);
    try {
      const media = await uploadImage(channelId, file, merchantId);
      await onSend({ image: { media: media.media } });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="inbox-composer">
      {blocked && showBlocked && (
        <p className="inbox-blocked" role="status">
          {blocked}
        </p>
      )}
      <div className="inbox-tools">
        <label className={`inbox-tool ${disabled || busy ? 'disabled' : ''}`}>
          <ImageIcon />
          <span>{t('image')}</span>
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif"
            data-testid="reply-image"
            name="replyImage"
            className="inbox-file"
            disabled={disabled || busy}
            onChange={(e) => {
              void sendImage(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="inbox-tool" data-testid="reply-card" disabled={disabled} onClick={() => setCardOpen(true)}>
          <CardIcon />
          {t('card')}
        </button>
        <button type="button" className="inbox-tool" data-testid="quick-replies-button" disabled={disabled || busy} onClick={quick.open}>
          {td('quick_replies')}
        </button>
        <KnowledgeSearch
          channelId={channelId}
          merchantId={merchantId}
          disabled={disabled || busy}
          onInsert={(s) => {
            setText(text ? `${text}\n${s}` : s);
            input.current?.focus();
          }}
          onSend={(number) => send({ knowledge: { number } })}
        />
      </div>
      {quick.element}
      <div className="inbox-input-row">
        <textarea
          ref={input}
          name="reply"
          data-testid="reply-input"
          rows={3}
          maxLength={2000}
          value={text}
          disabled={disabled}
          placeholder={t('reply_placeholder')}
          aria-label={t('reply_placeholder')}
          onChange={(e) => {
            setText(e.target.value);
            typing.typed(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onPaste={(e) => {
            const image = pastedImage(e.clipboardData);
            if (!image || busy) return;
            e.preventDefault(); // a pasted picture is sent as a picture, not as its file name
            void sendImage(image);
          }}
        />
        <button
          type="button"
          className="primary inbox-send"
          data-testid="reply-send"
          disabled={disabled || busy || !text.trim()}
          onClick={() => void sendText()}
        >
          {busy ? t('sending') : t('send')}
        </button>
      </div>
      {error && (
        <p className="error inbox-composer-error" role="alert" data-testid="reply-error">
          {error}
        </p>
      )}
      {cardOpen && <CardDialog channelId={channelId} merchantId={merchantId} onSend={send} onClose={() => setCardOpen(false)} />}
    </div>
  );
});
