// PostgreSQL step 10: the customer's history across channels, as SQLite's customer-history step: a
// partial index on the UnionID inside the customer record, to find the same person on other channels.
export const CUSTOMER_UNION_ID = "(data::jsonb ->> 'unionId')";

export const customerHistorySchema = `
CREATE INDEX customers_union_id ON customers (${CUSTOMER_UNION_ID}) WHERE ${CUSTOMER_UNION_ID} IS NOT NULL;`;
