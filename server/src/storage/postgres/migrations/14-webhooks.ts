// PostgreSQL step 14: webhooks, as SQLite's step 19 made them (endpoints with sealed secrets, deliveries
// claimed with leases, the attempts log), without foreign keys for the same reason.
const T = 'TEXT COLLATE "C"';

export const webhooksSchema = `
CREATE TABLE webhook_endpoints (
  id          ${T} PRIMARY KEY,
  channel_id  ${T} NOT NULL,
  merchant_id ${T},
  url         TEXT NOT NULL,
  events      TEXT NOT NULL,
  enabled     BOOLEAN NOT NULL DEFAULT TRUE,
  secret      TEXT NOT NULL,
  secret_hint TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_channel ON webhook_endpoints (channel_id, created_at);
CREATE TABLE webhook_deliveries (
  id              BIGSERIAL PRIMARY KEY,
  endpoint_id     ${T} NOT NULL,
  event_id        ${T} NOT NULL,
  type            ${T} NOT NULL,
  order_key       ${T} NOT NULL,
  body            TEXT NOT NULL,
  created_at      BIGINT NOT NULL,
  status          ${T} NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until     BIGINT,
  finished_at     BIGINT,
  last_error      TEXT
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (endpoint_id, order_key, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE TABLE webhook_attempts (
  id          BIGSERIAL PRIMARY KEY,
  delivery_id BIGINT NOT NULL,
  endpoint_id ${T} NOT NULL,
  event_id    ${T} NOT NULL,
  type        ${T} NOT NULL,
  attempt     INTEGER NOT NULL,
  at          BIGINT NOT NULL,
  status_code INTEGER,
  latency_ms  INTEGER NOT NULL,
  error       TEXT,
  outcome     ${T} NOT NULL
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, id);
`;
