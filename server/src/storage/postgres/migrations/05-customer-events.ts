// PostgreSQL step 5: a customer's events and unknown pushes, read from the inbox (pg-push-log.ts), as
// SQLite's step 12: a partial index on the sender of pushes that are not messages (no MsgId).
export const CUSTOMER_EVENT_SENDER = "coalesce(message::jsonb ->> 'fromUserName', message::jsonb #>> '{raw,FromUserName}')";
export const CUSTOMER_EVENT_ONLY = "(message::jsonb ->> 'msgId') IS NULL";

export const customerEventsSchema = `
CREATE INDEX inbox_customer_events ON inbox (channel_id, (${CUSTOMER_EVENT_SENDER}), id) WHERE ${CUSTOMER_EVENT_ONLY};`;
