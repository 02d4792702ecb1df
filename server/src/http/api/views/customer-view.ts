// A customer as the API shows it: what the contact kit's session-from told us (nickname, avatar, params,
// custom fields, partner id), the entry page of the mini program card the customer sent, and the
// decrypted UnionID with its source (verified or claimed) only to those allowed (admins; agents when their
// channel allows it). Built field by
// field: the record also holds routing state (the session context names merchants, speakingFor another
// merchant's id) that is none of the caller's business.
import type { EntryPage } from '../../../app/admin/customers';
import { unionIdSourceOf, type Customer, type UnionIdSource } from '../../../core/model/customer';

export type { EntryPage };

/** The customer's own fields the API shows (no routing state), plus the entry page. */
export type CustomerView = Pick<
  Customer,
  | 'id'
  | 'channelId'
  | 'openid'
  | 'unionId'
  | 'nickname'
  | 'avatarUrl'
  | 'params'
  | 'customFields'
  | 'partnerId'
  | 'firstSeenAt'
  | 'lastSeenAt'
> & {
  /** With `unionId` only: whether the server verified it with WeChat or it was only claimed in a session-from. */
  unionIdSource?: UnionIdSource;
  entryPage?: EntryPage;
};

export function customerView(c: Customer, shown: { unionId: boolean; entryPage?: EntryPage | undefined }): CustomerView {
  return {
    id: c.id,
    channelId: c.channelId,
    openid: c.openid,
    ...(shown.unionId && c.unionId !== undefined && { unionId: c.unionId, unionIdSource: unionIdSourceOf(c) ?? 'claimed' }),
    ...(c.nickname !== undefined && { nickname: c.nickname }),
    ...(c.avatarUrl !== undefined && { avatarUrl: c.avatarUrl }),
    params: c.params,
    customFields: c.customFields,
    ...(c.partnerId !== undefined && { partnerId: c.partnerId }),
    ...(shown.entryPage && { entryPage: shown.entryPage }),
    firstSeenAt: c.firstSeenAt,
    lastSeenAt: c.lastSeenAt,
  };
}
