// The mini program card form: title, page path, optional AppID and a thumbnail picture (uploaded to the
// channel's media first, then sent as the card's thumbMedia).
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import type { ReplyPayload } from '../api/types';
import { Modal, ModalActions } from './modal';
import { agentMessages } from './messages';
import { imageProblem, uploadImage } from './upload';

interface Props {
  channelId: string;
  merchantId?: string | undefined;
  onSend(payload: ReplyPayload): Promise<void>;
  onClose(): void;
}

export function CardDialog({ channelId, merchantId, onSend, onClose }: Props) {
  const t = useT(agentMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const title = String(form.get('cardTitle') ?? '').trim();
    const pagePath = String(form.get('cardPagePath') ?? '').trim();
    const appId = String(form.get('cardAppId') ?? '').trim();
    const thumb = form.get('cardThumb');
    if (!(thumb instanceof File) || thumb.size === 0) return setError(t('card_thumb'));
    const problem = imageProblem(thumb);
    if (problem) return setError(problem === 'too_big' ? t('image_too_big') : t('image_wrong_type'));
    setBusy(true);
    setError(undefined);
    try {
      const media = await uploadImage(channelId, thumb, merchantId);
      await onSend({ card: { title, pagePath, thumbMedia: media.media, ...(appId && { appId }) } });
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('card')} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label>
          {t('card_title')}
          <input name="cardTitle" required maxLength={64} autoFocus />
        </label>
        <label>
          {t('card_page_path')}
          <input name="cardPagePath" required maxLength={256} placeholder="pages/index/index?id=1" />
        </label>
        <label>
          {t('card_app_id')}
          <input name="cardAppId" maxLength={32} placeholder="wx…" />
        </label>
        <label>
          {t('card_thumb')}
          <input name="cardThumb" type="file" accept="image/png,image/jpeg,image/gif" required />
        </label>
        <ModalActions
          error={error}
          busy={busy}
          submitLabel={busy ? t('sending') : t('card_send')}
          submitTestId="card-send"
          onClose={onClose}
        />
      </form>
    </Modal>
  );
}
