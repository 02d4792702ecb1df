// Tags in the open conversation: the conversation's tags as coloured chips under its header, and, for
// whoever may act on it, a checklist of the merchant's tags (the admin's list) to set them.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { deskMessages } from './desk-messages';
import type { Tag } from './desk-types';
import type { Conversation } from '../api/types';
import { usePrincipal } from '../session/session';

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

interface EditorProps {
  /** GET answers `{tagIds}`, PUT takes `{tagIds}` (and `merchantId` for customers). */
  path: string;
  channelId: string;
  /** Platform admins: whose tags (a merchant id, or "platform" for the platform's team). */
  merchantId: string | undefined;
  canEdit: boolean;
  testId: string;
}

/** A record's tags as chips and, for whoever may change them, a checklist of the merchant's tags. */
function TagEditor({ path, channelId, merchantId, canEdit, testId }: EditorProps) {
  const t = useT(deskMessages);
  const all = useTagList(channelId, merchantId);
  const [ids, setIds] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  // A customer's tags are per merchant: platform admins name it; a conversation has one already.
  const perMerchant = path.startsWith('/api/v1/customers/') && merchantId !== undefined;
  const at = perMerchant ? `${path}?merchantId=${encodeURIComponent(merchantId)}` : path;
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
        setIds((await api.put<{ tagIds: string[] }>(path, { tagIds: next, ...(perMerchant && { merchantId }) })).tagIds);
      } catch (err) {
        setIds(before);
        setError(err instanceof ApiError ? err.message : String(err));
      }
    },
    [ids, path, perMerchant, merchantId],
  );
  const shown = all.filter((tag) => ids.includes(tag.id));
  return (
    <div className="desk-tags row" data-testid={testId}>
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

export function ConversationTags(props: { conversationId: string; channelId: string; merchantId: string | undefined; canEdit: boolean }) {
  const path = `/api/v1/conversations/${encodeURIComponent(props.conversationId)}/tags`;
  return (
    <TagEditor path={path} channelId={props.channelId} merchantId={props.merchantId} canEdit={props.canEdit} testId="conversation-tags" />
  );
}

/** The customer's tags of the conversation's merchant: any agent of it may set them. */
export function CustomerTags({
  customerId,
  conversation,
}: {
  customerId: string;
  conversation: Pick<Conversation, 'channelId' | 'merchantId'>;
}) {
  const t = useT(deskMessages);
  const platformAdmin = usePrincipal().role === 'platform_admin';
  const path = `/api/v1/customers/${encodeURIComponent(customerId)}/tags`;
  return (
    <section>
      <h3>{t('customer_tags')}</h3>
      <TagEditor
        path={path}
        channelId={conversation.channelId}
        merchantId={platformAdmin ? (conversation.merchantId ?? 'platform') : undefined}
        canEdit
        testId="customer-tags"
      />
    </section>
  );
}
