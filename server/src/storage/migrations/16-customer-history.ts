// Migration step: the customer's history across channels. A customer with a verified UnionID is the same
// person on the team's other channels; finding them reads customers by UnionID, kept inside the record's
// JSON. A partial index on that expression: customers without a UnionID cost it nothing. And the bulk
// export of messages (transcripts) reads a channel's messages by creation time.
export const CUSTOMER_UNION_ID = "json_extract(data, '$.unionId')";

export const customerHistorySchema = `
CREATE INDEX customers_union_id ON customers (${CUSTOMER_UNION_ID}) WHERE ${CUSTOMER_UNION_ID} IS NOT NULL;
CREATE INDEX messages_by_channel_created ON messages (channel_id, created_at, id);`;
