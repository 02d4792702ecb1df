// How a customer record is created and refreshed.
import type { ChannelKind } from '../channel';
import type { Customer } from '../model/customer';
import { grantWindow, type CustomerAction } from '../send-window/send-window';

export function newCustomer(id: string, channelId: string, openid: string, now: number): Customer {
  return { id, channelId, openid, params: {}, customFields: {}, firstSeenAt: now, lastSeenAt: now };
}

/** The customer did something WeChat counts: they were seen, and the send window may open or widen. */
export function customerActed(c: Customer, kind: ChannelKind, action: CustomerAction, now: number): Customer {
  const sendWindow = grantWindow(kind, action, c.sendWindow, now);
  return { ...c, lastSeenAt: Math.max(c.lastSeenAt, now), ...(sendWindow && { sendWindow }) };
}
