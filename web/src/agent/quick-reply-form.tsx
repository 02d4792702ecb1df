// Adding or changing one quick reply: title, text (with the knowledge base's placeholders) and an
// optional picture, uploaded to the channel's media store like a reply's picture.
import { useState } from 'react';
import { api, ApiError, apiUrl } from '../api/client';
import type { QuickReply } from '../api/types';
import { useT } from '../i18n/i18n';
import { deskMessages } from './desk-messages';
import { imageProblem, uploadImage } from './upload';
import { agentMessages } from './messages';

export interface FormTarget {
  channelId: string;
  scope: 'personal' | 'team';
  /** Platform admins: the merchant ('platform': the platform's team). */
  merchantId?: string | undefined;
  /** Present: editing this reply. */
  reply?: QuickReply;
}

export function QuickReplyForm({ target, onDone }: { target: FormTarget; onDone(saved: boolean): void }) {
  const t = useT(deskMessages);
  const ta = useT(agentMessages);
  const [title, setTitle] = useState(target.reply?.title ?? '');
  const [text, setText] = useState(target.reply?.text ?? '');
  const [picture, setPicture] = useState(target.reply?.picture);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const problem = imageProblem(file);
    if (problem) return setError(problem === 'too_big' ? ta('image_too_big') : ta('image_wrong_type'));
    try {
      setPicture((await uploadImage(target.channelId, file, target.merchantId)).media);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const fields = { title, text, ...(picture !== undefined && { picture }), ...(target.reply?.card && { card: target.reply.card }) };
    try {
      if (target.reply) await api.put(`/api/v1/quick-replies/${encodeURIComponent(target.reply.id)}`, fields);
      else {
        const merchant = target.merchantId === undefined ? {} : { merchantId: target.merchantId };
        await api.post(`/api/v1/channels/${encodeURIComponent(target.channelId)}/quick-replies`, {
          ...fields,
          scope: target.scope,
          ...merchant,
        });
      }
      onDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="quick-form card"
      data-testid="quick-reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('quick_title')}
        <input name="title" data-testid="quick-title" maxLength={64} value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        {t('quick_text')}
        <textarea name="text" data-testid="quick-text" maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="hint">{t('quick_text_hint')}</p>
      <div className="row">
        <label className="inbox-tool">
          {t('quick_picture')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif"
            data-testid="quick-picture"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </label>
        {picture && (
          <>
            <img src={apiUrl(`/api/v1/media/${picture.slice('media:'.length)}`)} alt="" height={48} />
            <button type="button" className="link" onClick={() => setPicture(undefined)}>
              {t('quick_remove_picture')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="quick-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" data-testid="quick-save" disabled={busy}>
          {t('quick_save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('quick_cancel')}
        </button>
      </div>
    </form>
  );
}
