// PostgreSQL step 11: the customer's history across channels, as SQLite's customer-history step: a
// partial index on the UnionID inside the customer record, to find the same person on other channels; and
// a channel's messages by creation time, for the bulk export of messages.
export const CUSTOMER_UNION_ID = "(data::jsonb ->> 'unionId')";

export const customerHistorySchema = `
CREATE INDEX customers_union_id ON customers (${CUSTOMER_UNION_ID}) WHERE ${CUSTOMER_UNION_ID} IS NOT NULL;
CREATE INDEX messages_by_channel_created ON messages (channel_id, created_at, id);`;
