// A customer row on PostgreSQL: the columns the queries use, the rest of the customer as JSON in `data`.
// Read by the customers repository (pg-records.ts) and by a batch reading ahead (pg-read-ahead.ts).
import type { Customer } from '../../core/model/customer';
import { parseJson } from '../record-codec';

export interface CustomerRow {
  id: string;
  channel_id: string;
  openid: string;
  data: string;
}

/** The customer's fields kept in their own columns; `restAsJson(c, CUSTOMER_COLUMNS)` is the `data` column. */
export const CUSTOMER_COLUMNS = ['id', 'channelId', 'openid'] as const;

export const customerOf = (r: CustomerRow): Customer =>
  ({ id: r.id, channelId: r.channel_id, openid: r.openid, ...parseJson<object>(r.data) }) as Customer;
