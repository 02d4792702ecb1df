// Migration step: a customer's events and unknown pushes, read from the inbox that already keeps every
// push as it arrived (storage/sqlite-push-log.ts). No new table and no change to the push path's insert:
// an index on expressions over the stored message finds one customer's pushes that are not messages
// (no MsgId: events, and unknown pushes whose MsgId sits in their raw record), newest first. The sender
// is `fromUserName`, or the raw `FromUserName` of an unknown push. Partial, so messages cost it nothing.
export const CUSTOMER_EVENT_SENDER = "coalesce(json_extract(message, '$.fromUserName'), json_extract(message, '$.raw.FromUserName'))";
export const CUSTOMER_EVENT_ONLY = "json_extract(message, '$.msgId') IS NULL";

export const customerEventsSchema = `
CREATE INDEX inbox_customer_events ON inbox (channel_id, ${CUSTOMER_EVENT_SENDER}, id) WHERE ${CUSTOMER_EVENT_ONLY};`;
