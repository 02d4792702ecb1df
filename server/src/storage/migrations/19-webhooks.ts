// Migration step: webhooks. Endpoints per channel (a merchant's, or every merchant's when merchant_id is
// NULL) with their secret sealed like channel secrets (secret-box.ts); deliveries stored before any attempt
// and claimed by one sender with a lease; every attempt logged. The partial index finds an endpoint's
// oldest pending delivery of a conversation (order_key), the only one of it that may be claimed. No foreign
// keys: a unit that stores a delivery for an endpoint deleted meanwhile (another node) must not fail the
// customer's message; claims join the endpoint, so such a delivery is never sent, and deleting an endpoint
// deletes its deliveries and attempts itself.
export const webhooksSchema = `
CREATE TABLE webhook_endpoints (
  id          TEXT PRIMARY KEY,
  channel_id  TEXT NOT NULL,
  merchant_id TEXT,
  url         TEXT NOT NULL,
  events      TEXT NOT NULL,
  enabled     INTEGER NOT NULL DEFAULT 1,
  secret      TEXT NOT NULL,
  secret_hint TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_channel ON webhook_endpoints (channel_id, created_at);
CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  endpoint_id     TEXT NOT NULL,
  event_id        TEXT NOT NULL,
  type            TEXT NOT NULL,
  order_key       TEXT NOT NULL,
  body            TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until     INTEGER,
  finished_at     INTEGER,
  last_error      TEXT
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (endpoint_id, order_key, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE TABLE webhook_attempts (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id INTEGER NOT NULL,
  endpoint_id TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  type        TEXT NOT NULL,
  attempt     INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  status_code INTEGER,
  latency_ms  INTEGER NOT NULL,
  error       TEXT,
  outcome     TEXT NOT NULL
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, id);
`;
