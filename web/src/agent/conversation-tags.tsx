// Tags in the open conversation: the conversation's tags as coloured chips under its header, and, for
// whoever may act on it, a checklist of the merchant's tags (the admin's list) to set them.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { deskMessages } from './desk-messages';
import type { Tag } from './desk-types';

const tagsPath = (channelId: string, merchantId: string | undefined) =>
  `/api/v1/channels/${encodeURIComponent(channelId)}/tags${merchantId !== undefined ? `?merchantId=${encodeURIComponent(merchantId)}` : ''}`;

/** The merchant's tags (platform admins name the merchant: an id or "platform"). */
export function useTagList(channelId: string | undefined, merchantId?: string): Tag[] {
  const [tags, setTags] = useState<Tag[]>([]);
  useEffect(() => {
    if (!channelId) return;
    let alive = true;
    api.get<{ items: Tag[] }>(tagsPath(channelId, merchantId)).then(
      (r) => alive && setTags(r.items),
      () => alive && setTags([]),
    );
    return () => {
      alive = false;
    };
  }, [channelId, merchantId]);
  return tags;
}

export function TagChip({ tag }: { tag: Pick<Tag, 'name' | 'color'> }) {
  return (
    <span className="desk-tag" style={{ borderColor: tag.color, color: tag.color }} data-testid="tag-chip">
      <span className="desk-tag-dot" style={{ background: tag.color }} aria-hidden="true" />
      {tag.name}
    </span>
  );
}

interface Props {
  conversationId: string;
  channelId: string;
  /** Platform admins: the conversation's merchant ("platform" for the platform's team). */
  merchantId: string | undefined;
  canEdit: boolean;
}

export function ConversationTags({ conversationId, channelId, merchantId, canEdit }: Props) {
  const t = useT(deskMessages);
  const all = useTagList(channelId, merchantId);
  const [ids, setIds] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const at = `/api/v1/conversations/${encodeURIComponent(conversationId)}/tags`;
  useEffect(() => {
    let alive = true;
    api.get<{ tagIds: string[] }>(at).then(
      (r) => alive && setIds(r.tagIds),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [at]);
  const toggle = useCallback(
    async (id: string) => {
      const before = ids;
      const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
      setError(undefined);
      setIds(next); // at once; the server's answer (or a refusal) settles it
      try {
        setIds((await api.put<{ tagIds: string[] }>(at, { tagIds: next })).tagIds);
      } catch (err) {
        setIds(before);
        setError(err instanceof ApiError ? err.message : String(err));
      }
    },
    [ids, at],
  );
  const shown = all.filter((tag) => ids.includes(tag.id));
  return (
    <div className="desk-tags row" data-testid="conversation-tags">
      <span className="hint">{t('tags')}</span>
      {shown.length === 0 && <span className="hint">{t('tags_none')}</span>}
      {shown.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
      {canEdit && (
        <button type="button" className="link" data-testid="tags-edit" onClick={() => setEditing(!editing)}>
          {editing ? t('tags_done') : t('tags_edit')}
        </button>
      )}
      {editing && (
        <div className="desk-tag-picker" role="group" aria-label={t('tags')}>
          {all.length === 0 && <span className="hint">{t('tags_empty_list')}</span>}
          {all.map((tag) => (
            <label key={tag.id} className="inline">
              <input
                type="checkbox"
                data-testid={`tag-option-${tag.name}`}
                checked={ids.includes(tag.id)}
                onChange={() => void toggle(tag.id)}
              />
              <TagChip tag={tag} />
            </label>
          ))}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
