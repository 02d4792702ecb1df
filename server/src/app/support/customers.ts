// Finds or creates the customer behind a push and records the action WeChat counts for its window.
import type { ChannelKind } from '../../core/channel';
import { customerActed, newCustomer } from '../../core/conversation/customer-records';
import type { Customer } from '../../core/model/customer';
import type { CustomerAction } from '../../core/send-window/send-window';
import type { Work } from './engine-deps';

export async function customerActing(
  w: Work,
  channelId: string,
  kind: ChannelKind,
  openid: string,
  action: CustomerAction,
): Promise<Customer> {
  const existing = await w.tx.customers.findByOpenid(channelId, openid);
  const customer = customerActed(existing ?? newCustomer(w.ids.next('customer'), channelId, openid, w.now), kind, action, w.now);
  await w.tx.customers.save(customer);
  return customer;
}
