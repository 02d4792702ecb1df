// Story: the server learned a customer's UnionID from WeChat itself: the contact kit's wx.login code was
// exchanged through jscode2session for this openid (http/routes/kit-session.ts), or an official account's
// user info named it. That UnionID is `verified`: it replaces a claimed one (a session-from's), and only
// a verified one may link a customer across channels. The customer may not have written yet (the kit
// logs in when its page opens), so the record is created if needed: their first message finds it.
import { newCustomer } from '../core/conversation/customer-records';
import { withUnionId } from '../core/model/customer';
import { inUnit, type EngineDeps } from './support/engine-deps';

export interface VerifiedUnionId {
  channelId: string;
  openid: string;
  unionId: string;
}

export function unionIdVerified(deps: EngineDeps, input: VerifiedUnionId): Promise<void> {
  return inUnit(deps, async (w) => {
    const existing = await w.tx.customers.findByOpenid(input.channelId, input.openid);
    const customer = existing ?? newCustomer(w.ids.next('customer'), input.channelId, input.openid, w.now);
    await w.tx.customers.save(withUnionId(customer, input.unionId, 'verified'));
  });
}
