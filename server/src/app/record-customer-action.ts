// Story: an official-account user clicked a menu, subscribed or scanned a code (or paid). WeChat lets us
// write to them for a short while; the window records it so agents and notices can use it. An
// `unsubscribe` closes the window at once (WeChat refuses every send with 45015 until they subscribe
// again): nothing more is queued, and the sender fails what is still queued as "customer unsubscribed".
import type { ChannelKind } from '../core/channel';
import type { CustomerAction, WindowStatus } from '../core/send-window/send-window';
import { windowStatus } from '../core/send-window/send-window';
import { customerActing } from './support/customers';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';

export interface CustomerActionInput {
  channelId: string;
  channelKind: ChannelKind;
  openid: string;
  action: Exclude<CustomerAction, 'message' | 'enter_session'>;
}

export function recordCustomerAction(deps: EngineDeps, input: CustomerActionInput): Promise<WindowStatus> {
  return inUnit(deps, (w) => recordCustomerActionIn(w, input));
}

/** The story inside the unit of work its push opened (process-inbox-entry.ts). */
export async function recordCustomerActionIn(w: Work, input: CustomerActionInput): Promise<WindowStatus> {
  const customer = await customerActing(w, input.channelId, input.channelKind, input.openid, input.action);
  return windowStatus(customer.sendWindow, w.now);
}
