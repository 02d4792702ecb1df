// CSV downloads: the channels (no secrets) and a channel's conversations for a date range (and, for
// platform admins, one merchant). Files hold at most 2000 rows; when the server's x-total-pages says
// there are more, each page gets its own button. Fetched as a blob so errors show here, not as a page.
import { useState } from 'react';
import { ApiError, apiUrl } from '../api/client';
import { defineMessages, useT, useTimeZone } from '../i18n/i18n';
import { zonedDayEnd, zonedMidnight } from '../i18n/zoned-date';
import { channelPath, useAdmin } from './admin-context';
import { ChannelPicker, MerchantPicker } from './scope-pickers';
import { saveFile } from './save-file';
import { Screen } from './screen';
import { Field } from './ui';
import { errorText } from './use-load';
import { ErrorLine } from './form-parts';

const messages = defineMessages(
  {
    title: '导出',
    channels: '渠道列表',
    channels_hint: '所有渠道的公开信息（不含任何密钥）。',
    conversations: '会话记录',
    conversations_hint: '所选时间段内创建的会话，每个一行，时间为 UTC 的 ISO 8601 格式。',
    download: '下载 CSV',
    from: '开始日期',
    to: '结束日期（含）',
    pages: '共 {pages} 个文件（每个最多 2000 行）：',
    page: '第 {page} 个',
    e_range: '开始日期必须早于结束日期',
    no_channel: '还没有渠道。',
    downloading: '下载中…',
    messages: '下载消息 CSV',
    messages_hint: '或：所选时间段内的每条消息一行（谁、何时、内容），用于质检与存档。',
  },
  {
    title: 'Exports',
    channels: 'Channels',
    channels_hint: 'Every channel’s public fields (no secrets).',
    conversations: 'Conversations',
    conversations_hint: 'Conversations created in the range, one row each; times are ISO 8601 in UTC.',
    download: 'Download CSV',
    from: 'From',
    to: 'To (inclusive)',
    pages: '{pages} files (2000 rows each at most):',
    page: 'File {page}',
    e_range: 'The start must be before the end',
    no_channel: 'No channels yet.',
    downloading: 'Downloading…',
    messages: 'Download messages CSV',
    messages_hint: 'Or: every message sent in the range, one row each (who, when, what), for review and archiving.',
  },
);

/** Downloads one CSV page; answers the total number of pages the server reports. */
export async function downloadCsv(url: string, fallbackName: string): Promise<number> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'the server cannot be reached');
  }
  if (!res.ok) {
    let error: ({ code?: string; message?: string } & ConstructorParameters<typeof ApiError>[3]) | undefined;
    try {
      error = ((await res.json()) as { error?: typeof error }).error;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? res.statusText, error);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  saveFile(await res.blob(), name);
  return Number(res.headers.get('x-total-pages') ?? '1') || 1;
}

function useDownload() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pages, setPages] = useState(1);
  const run = async (url: string, name: string) => {
    setBusy(true);
    setError(undefined);
    try {
      setPages(await downloadCsv(url, name));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, pages, setPages, run };
}

function PageButtons({ pages, onPage, busy }: { pages: number; onPage(page: number): void; busy: boolean }) {
  const t = useT(messages);
  if (pages <= 1) return null;
  return (
    <div className="row">
      <span className="hint">{t('pages', { pages })}</span>
      {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
        <button key={p} type="button" onClick={() => onPage(p)} disabled={busy} data-page={p}>
          {t('page', { page: p })}
        </button>
      ))}
    </div>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const monthAgo = () => new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

export function ExportsScreen() {
  const t = useT(messages);
  const { channelId, isPlatform } = useAdmin();
  const zone = useTimeZone(); // the dates are days where the channel works
  const channels = useDownload();
  const conversations = useDownload();
  const messageRows = useDownload();
  const [from, setFrom] = useState(monthAgo);
  const [to, setTo] = useState(today);
  const [merchantId, setMerchantId] = useState('');

  const channelsPage = (page: number) => void channels.run(apiUrl('/api/v1/channels/export.csv', { page }), 'channels.csv');
  /** One page of a channel's conversations or messages (`what`) in the date range. */
  const rangePage = (what: 'conversations' | 'messages', download: ReturnType<typeof useDownload>, page: number) => {
    if (!channelId) return;
    const start = from ? zonedMidnight(from, zone) : undefined;
    const end = to ? zonedDayEnd(to, zone) : undefined; // "to" is inclusive: up to the next midnight
    if (start !== undefined && end !== undefined && start >= end) return download.setError(t('e_range'));
    void download.run(
      apiUrl(channelPath(channelId, `/${what}/export.csv`), {
        from: start,
        to: end,
        merchantId: isPlatform ? merchantId : undefined,
        page,
      }),
      `${what}-${channelId}.csv`,
    );
  };
  const conversationsPage = (page: number) => rangePage('conversations', conversations, page);
  const messagesPage = (page: number) => rangePage('messages', messageRows, page);

  return (
    <Screen title={t('title')}>
      <div className="admin-split">
        <section className="card stack">
          <h2>{t('channels')}</h2>
          <p className="hint">{t('channels_hint')}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              data-testid="export-channels"
              onClick={() => channelsPage(1)}
              disabled={channels.busy}
            >
              {channels.busy ? t('downloading') : t('download')}
            </button>
          </div>
          <PageButtons pages={channels.pages} onPage={channelsPage} busy={channels.busy} />
          <ErrorLine error={channels.error} />
        </section>
        <section className="card stack">
          <h2>{t('conversations')}</h2>
          <p className="hint">{t('conversations_hint')}</p>
          {channelId ? (
            <>
              <div className="grid-form" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))' }}>
                <ChannelPicker />
                <MerchantPicker
                  value={merchantId}
                  onChange={(v) => {
                    setMerchantId(v);
                    conversations.setPages(1);
                    messageRows.setPages(1);
                  }}
                  allowAll
                />
                <Field label={t('from')}>
                  <input
                    type="date"
                    name="from"
                    value={from}
                    max={to || undefined}
                    onChange={(e) => {
                      setFrom(e.target.value);
                      conversations.setPages(1);
                      messageRows.setPages(1);
                    }}
                  />
                </Field>
                <Field label={t('to')}>
                  <input
                    type="date"
                    name="to"
                    value={to}
                    min={from || undefined}
                    onChange={(e) => {
                      setTo(e.target.value);
                      conversations.setPages(1);
                      messageRows.setPages(1);
                    }}
                  />
                </Field>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="primary"
                  data-testid="export-conversations"
                  onClick={() => conversationsPage(1)}
                  disabled={conversations.busy}
                >
                  {conversations.busy ? t('downloading') : t('download')}
                </button>
              </div>
              <PageButtons pages={conversations.pages} onPage={conversationsPage} busy={conversations.busy} />
              <ErrorLine error={conversations.error} />
              <p className="hint">{t('messages_hint')}</p>
              <div className="row">
                <button type="button" data-testid="export-messages" onClick={() => messagesPage(1)} disabled={messageRows.busy}>
                  {messageRows.busy ? t('downloading') : t('messages')}
                </button>
              </div>
              <PageButtons pages={messageRows.pages} onPage={messagesPage} busy={messageRows.busy} />
              <ErrorLine error={messageRows.error} />
            </>
          ) : (
            <p className="admin-empty">{t('no_channel')}</p>
          )}
        </section>
      </div>
    </Screen>
  );
}
