// Who the customer is (what the contact button's session-from told us) and where this conversation
// stands: a side panel on a laptop, a sheet on a phone.
import { useFormatters, useT } from '../i18n/i18n';
import type { Conversation, Customer } from '../api/types';
import { Avatar } from './avatar';
import { CustomerEvents } from './customer-events';
import { CsatLine } from './csat-line';
import { CustomerHistory } from './customer-history';
import { TranscriptLinks } from './transcript-links';
import { CustomerTags } from './conversation-tags';
import { agentMessages } from './messages';
import { useEndReason } from './timeline';
import type { Directory } from './use-directory';

function Pairs({ title, values }: { title: string; values: Record<string, string> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <table className="inbox-kv">
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface Props {
  customer: Customer | undefined;
  conversation: Conversation;
  directory: Directory;
  onClose(): void;
}

export function ProfilePanel({ customer, conversation, directory, onClose }: Props) {
  const t = useT(agentMessages);
  const endReason = useEndReason();
  const f = useFormatters();
  const c = customer;
  const row = (label: string, value: string | undefined) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{value ?? t('none')}</td>
    </tr>
  );
  return (
    <aside className="inbox-profile" aria-label={t('profile')} data-testid="profile-panel">
      <div className="inbox-profile-head">
        <h2>{t('profile')}</h2>
        <button type="button" className="link inbox-profile-close" onClick={onClose} aria-label={t('close')}>
          ✕
        </button>
      </div>
      {!c ? (
        <p className="hint">{t('loading')}</p>
      ) : (
        <>
          <div className="inbox-profile-who">
            <Avatar url={c.avatarUrl} name={c.nickname ?? c.openid} big />
            <div>
              <div className="inbox-profile-name">{c.nickname ?? t('none')}</div>
              <div className="hint mono">{c.openid}</div>
            </div>
          </div>
          <table className="inbox-kv">
            <tbody>
              {c.partnerId && row(t('partner_id'), c.partnerId)}
              {c.unionId && (
                <tr data-testid="profile-unionid">
                  <th scope="row">{t('unionid')}</th>
                  <td>
                    <div className="mono">{c.unionId}</div>
                    <div
                      className="hint"
                      data-source={c.unionIdSource}
                      title={c.unionIdSource === 'verified' ? undefined : t('unionid_claimed_hint')}
                    >
                      {c.unionIdSource === 'verified' ? t('unionid_verified') : t('unionid_claimed')}
                    </div>
                  </td>
                </tr>
              )}
              {c.entryPage && (
                <tr data-testid="profile-entry-page">
                  <th scope="row">{t('entry_page')}</th>
                  <td>
                    <div>{c.entryPage.title}</div>
                    <div className="hint mono">{c.entryPage.pagePath}</div>
                    <div className="hint">
                      {f.dateTime(c.entryPage.at)}
                      {c.entryPage.conversationId !== conversation.id && ` · ${t('entry_page_earlier')}`}
                    </div>
                  </td>
                </tr>
              )}
              {row(t('first_seen'), f.dateTime(c.firstSeenAt))}
              {row(t('last_seen'), f.dateTime(c.lastSeenAt))}
            </tbody>
          </table>
          <Pairs title={t('params')} values={c.params} />
          <Pairs title={t('custom_fields')} values={c.customFields} />
          <CustomerHistory customerId={c.id} currentId={conversation.id} customerName={c.nickname ?? c.openid} directory={directory} />
          <CustomerTags customerId={c.id} conversation={conversation} />
          <CustomerEvents customerId={c.id} />
        </>
      )}
      <section>
        <h3>{t('conversation')}</h3>
        <table className="inbox-kv">
          <tbody>
            {row(t('merchant'), conversation.merchantId ? directory.merchantName(conversation.merchantId) : t('platform_team'))}
            {row(t('group'), directory.groupName(conversation.groupId))}
            {row(t('agent'), directory.agentName(conversation.agentId))}
            {row(t('created_at'), f.dateTime(conversation.createdAt))}
            {conversation.assignedAt !== undefined && row(t('assigned_at'), f.dateTime(conversation.assignedAt))}
            {conversation.endedAt !== undefined && row(t('ended_at'), f.dateTime(conversation.endedAt))}
            {conversation.endReason && row(t('end_reason'), endReason(conversation.endReason))}
          </tbody>
        </table>
        <CsatLine conversation={conversation} />
        <TranscriptLinks conversationId={conversation.id} />
      </section>
    </aside>
  );
}
