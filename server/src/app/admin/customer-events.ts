// A customer's events and unknown pushes (entering with a SessionFrom, subscribe, menu clicks, kf events,
// pushes we do not recognise), as WeChat sent them: for auditing what arrived. Visible to whoever may
// see the customer's profile (customers.ts), by the same rule.
import type { Principal } from '../auth/principal';
import type { LoggedPush, PushLog } from '../../core/ports/push-log';
import { notFound } from '../errors';
import type { AdminDeps } from './admin-deps';
import { mustSeeCustomer } from './customers';

export interface CustomerEventsPage {
  items: LoggedPush[];
  /** Whether the caller may see the customer's UnionID (the encrypted one in a SessionFrom too). */
  unionId: boolean;
  /** The `before` of the next page; undefined on the last one. */
  nextBefore?: number;
}

export async function listCustomerEvents(
  deps: AdminDeps,
  log: PushLog,
  p: Principal,
  customerId: string,
  page: { before?: number | undefined; limit: number },
): Promise<CustomerEventsPage> {
  const c = await deps.uow.run((tx) => tx.customers.get(customerId));
  if (!c) throw notFound(`customer ${customerId}`);
  const seen = await mustSeeCustomer(deps, p, c);
  const items = await log.customerEvents(c.channelId, c.openid, page);
  const last = items.at(-1);
  return { items, unionId: seen.unionId, ...(items.length === page.limit && last && { nextBefore: last.id }) };
}
