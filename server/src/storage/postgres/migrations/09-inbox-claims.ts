// PostgreSQL step 8: inbox claims for several nodes. An entry is claimed by one node (owner) for a short
// lease, renewed while that node works on it; an entry whose lease ran out (its node died) is claimable
// again. The index finds a customer's oldest pending entry, the only one of theirs that may be claimed.
import { CUSTOMER_EVENT_SENDER } from './05-customer-events';

export const inboxClaimsSchema = `
ALTER TABLE inbox ADD COLUMN claimed_by TEXT COLLATE "C";
ALTER TABLE inbox ADD COLUMN lease_until BIGINT;
CREATE INDEX inbox_pending_customer ON inbox (channel_id, (${CUSTOMER_EVENT_SENDER}), id) WHERE state = 'pending';`;
