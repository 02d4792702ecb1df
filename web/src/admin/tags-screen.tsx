// Tags: the merchant's list (platform admins pick a merchant or the platform's team), each with a name
// and a colour; agents set them on conversations and customers, and search and exports use them.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { defineMessages, useT } from '../i18n/i18n';
import { TagChip } from '../agent/conversation-tags';
import type { Tag } from '../agent/desk-types';
import { channelPath, useAdmin } from './admin-context';
import { MerchantPicker, PLATFORM } from './scope-pickers';
import { ChannelScreen } from './screen';
import { ConfirmButton, Empty, LoadState } from './ui';
import { useLoad } from './use-load';
import '../agent/desk.css';

const messages = defineMessages(
  {
    title: '标签',
    hint: '客服可以给会话和客户打上这些标签，并按标签筛选和搜索；导出和报表中会包含标签。',
    name: '名称',
    color: '颜色',
    add: '新建标签',
    save: '保存',
    remove: '删除',
    remove_confirm: '删除后会从所有会话和客户上移除，确定吗？',
    empty: '还没有标签。',
    counted: '近 30 天 {n} 个会话',
  },
  {
    title: 'Tags',
    hint: 'Agents put these tags on conversations and customers, and filter and search by them; exports and reports include them.',
    name: 'Name',
    color: 'Colour',
    add: 'New tag',
    save: 'Save',
    remove: 'Delete',
    remove_confirm: 'It is taken off every conversation and customer. Delete?',
    empty: 'No tags yet.',
    counted: '{n} conversations in 30 days',
  },
);

export function TagsScreen() {
  const t = useT(messages);
  const { isPlatform } = useAdmin();
  const [scope, setScope] = useState(PLATFORM);
  return (
    <ChannelScreen title={t('title')} testId="tags-screen" tools={<MerchantPicker value={scope} onChange={setScope} />}>
      {(channelId) => <TagList channelId={channelId} merchantId={isPlatform ? scope : undefined} />}
    </ChannelScreen>
  );
}

function TagList({ channelId, merchantId }: { channelId: string; merchantId: string | undefined }) {
  const t = useT(messages);
  const [version, setVersion] = useState(0);
  const query = merchantId === undefined ? '' : `?merchantId=${encodeURIComponent(merchantId)}`;
  const tags = useLoad(`${channelId}|${merchantId}|${version}`, (signal) =>
    api.get<{ items: Tag[] }>(channelPath(channelId, `/tags${query}`), undefined, signal),
  );
  const reload = () => setVersion((v) => v + 1);
  const counts = useTagCounts(channelId, merchantId, version);
  return (
    <div className="stack">
      <p className="hint">{t('hint')}</p>
      <TagForm
        onSave={(body) =>
          api.post(channelPath(channelId, '/tags'), { ...body, ...(merchantId !== undefined && { merchantId }) }).then(reload)
        }
      />
      <LoadState state={tags}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('empty')}</Empty>
          ) : (
            <ul className="desk-tag-admin-list" data-testid="tag-list">
              {data.items.map((tag) => (
                <li key={tag.id}>
                  <TagChip tag={tag} />
                  <span className="hint" data-testid="tag-count">
                    {t('counted', { n: counts.get(tag.id) ?? 0 })}
                  </span>
                  <TagForm tag={tag} onSave={(body) => api.patch(`/api/v1/tags/${encodeURIComponent(tag.id)}`, body).then(reload)} />
                  <ConfirmButton
                    label={t('remove')}
                    question={t('remove_confirm')}
                    onConfirm={() => void api.delete(`/api/v1/tags/${encodeURIComponent(tag.id)}`).then(reload)}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </div>
  );
}

function TagForm({ tag, onSave }: { tag?: Tag; onSave(body: { name: string; color: string }): Promise<unknown> }) {
  const t = useT(messages);
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState(tag?.color ?? '#1677ff');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await onSave({ name: name.trim(), color });
      if (!tag) setName('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="desk-tag-form" onSubmit={(e) => void submit(e)} data-testid={tag ? 'tag-edit-form' : 'tag-create-form'}>
      <input
        name="tagName"
        aria-label={t('name')}
        placeholder={t('name')}
        required
        maxLength={32}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <input name="tagColor" type="color" aria-label={t('color')} value={color} onChange={(e) => setColor(e.target.value)} />
      <button type="submit" className={tag ? '' : 'primary'}>
        {tag ? t('save') : t('add')}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

const DAY = 86_400_000;

/** Conversations created in the last 30 days per tag (GET …/reports/tags). */
function useTagCounts(channelId: string, merchantId: string | undefined, version: number): Map<string, number> {
  const [now] = useState(() => Date.now());
  const query = `from=${now - 30 * DAY}&to=${now + DAY}${merchantId === undefined ? '' : `&merchantId=${encodeURIComponent(merchantId)}`}`;
  const counts = useLoad(`${channelId}|${query}|${version}`, (signal) =>
    api.get<{ items: Array<{ tagId: string; conversations: number }> }>(
      channelPath(channelId, `/reports/tags?${query}`),
      undefined,
      signal,
    ),
  );
  return new Map((counts.data?.items ?? []).map((c) => [c.tagId, c.conversations]));
}
