// A customer's event or unknown push as the API shows it: WeChat's own record, field by field under
// WeChat's names, every value the text WeChat sent (numbers included: `65.000000` stays so), plus
// WeChat's CreateTime as text and as an ISO time, and the raw SessionFrom of an enter event (its
// encrypted UnionID hidden from callers who may not see the customer's UnionID, as in the profile).
import type { LoggedPush } from '../../../core/ports/push-log';
import type { RawRecord, RawValue } from '../../../core/inbound-message';
import { WireNumber, type WireValue } from '../../../wechat/inbound/wire-format';
import { toWireRecord } from '../../../wechat/push-client/to-wire';
import { isoOfCreateTime } from './message-view';

export interface CustomerEventView {
  id: string;
  receivedAt: number;
  /** Ours: user_enter_tempsession, subscribe, click, kf_create_session…, or `unknown`. */
  type: string;
  /** WeChat's CreateTime (seconds), the digits as sent. */
  createTime?: string;
  wechatCreatedAt?: string;
  /** user_enter_tempsession: the SessionFrom exactly as WeChat delivered it. */
  sessionFrom?: string;
  fields: RawRecord;
}

function asText(value: WireValue | undefined): RawValue | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (value instanceof WireNumber) return value.text;
  if (Array.isArray(value)) return value.map((v) => asText(v) as RawRecord);
  const out: RawRecord = {};
  for (const [k, v] of Object.entries(value)) {
    const text = asText(v);
    if (text !== undefined) out[k] = text;
  }
  return out;
}

/** Pushes stored before numbers were kept as text hold numbers; `String` gives what JavaScript kept of them. */
function fieldsOf(push: LoggedPush): RawRecord {
  const m = push.message;
  if (m.type === 'unknown') return m.raw;
  const legacy = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]));
  return asText(toWireRecord(legacy as typeof m)) as RawRecord;
}

/** The `unionid=` value of a SessionFrom, for callers who may not see UnionIDs (even encrypted ones). */
export const HIDDEN_UNIONID = 'unionid=(hidden)';
const hideUnionId = (sessionFrom: string) => sessionFrom.replace(/(^|\|)unionid=[^|]*/g, `$1${HIDDEN_UNIONID}`);

export function customerEventView(push: LoggedPush, shown: { unionId: boolean }): CustomerEventView {
  const view = eventView(push);
  if (shown.unionId || view.sessionFrom === undefined) return view;
  const sessionFrom = hideUnionId(view.sessionFrom);
  return { ...view, sessionFrom, fields: { ...view.fields, SessionFrom: sessionFrom } };
}

function eventView(push: LoggedPush): CustomerEventView {
  const fields = fieldsOf(push);
  const createTime = typeof fields.CreateTime === 'string' ? fields.CreateTime : undefined;
  const at = isoOfCreateTime(createTime);
  const m = push.message;
  return {
    id: String(push.id),
    receivedAt: push.receivedAt,
    type: m.type,
    ...(createTime !== undefined && { createTime }),
    ...(at !== undefined && { wechatCreatedAt: at }),
    ...(m.type === 'user_enter_tempsession' && { sessionFrom: m.sessionFrom }),
    fields,
  };
}
