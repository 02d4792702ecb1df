// PostgreSQL step 1: the conversation engine, the outbox and access tokens, as SQLite's steps 1-14 left
// them (same tables, same columns; record-codec.ts explains the `data` columns). Text that is ordered or
// compared uses the "C" collation, so ids sort byte by byte as in SQLite and the in-memory reference,
// whatever the database's default locale. Instants are BIGINT milliseconds.
const T = 'TEXT COLLATE "C"';

export const coreSchema = `
CREATE TABLE access_tokens (
  app_id      ${T}   NOT NULL,
  source      ${T}   NOT NULL CHECK (source IN ('stable', 'basic')),
  token       TEXT   NOT NULL,
  obtained_at BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  PRIMARY KEY (app_id, source)
);
CREATE TABLE customers (
  id         ${T} NOT NULL PRIMARY KEY,
  channel_id ${T} NOT NULL,
  openid     ${T} NOT NULL,
  data       TEXT NOT NULL,
  UNIQUE (channel_id, openid)
);
CREATE TABLE conversations (
  id          ${T}   NOT NULL PRIMARY KEY,
  channel_id  ${T}   NOT NULL,
  merchant_id ${T}   NOT NULL,
  customer_id ${T}   NOT NULL,
  state       ${T}   NOT NULL CHECK (state IN ('bot', 'queued', 'assigned', 'left_message', 'ended')),
  agent_id    ${T},
  created_at  BIGINT NOT NULL,
  queued_at   BIGINT,
  data        TEXT   NOT NULL
);
CREATE INDEX conversations_by_customer ON conversations (customer_id, merchant_id, created_at, id);
CREATE INDEX conversations_queue ON conversations (channel_id, merchant_id, queued_at, id) WHERE state = 'queued';
CREATE INDEX conversations_open ON conversations (channel_id, id) WHERE state <> 'ended';
CREATE INDEX conversations_by_agent ON conversations (agent_id, state);
CREATE INDEX conversations_by_channel ON conversations (channel_id, created_at, id);
CREATE INDEX conversations_by_merchant ON conversations (channel_id, merchant_id, created_at, id);
CREATE TABLE messages (
  id              ${T}   NOT NULL PRIMARY KEY,
  channel_id      ${T}   NOT NULL,
  conversation_id ${T}   NOT NULL,
  created_at      BIGINT NOT NULL,
  wechat_msg_id   ${T},
  delivery        TEXT,
  data            TEXT   NOT NULL,
  UNIQUE (channel_id, wechat_msg_id)
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at, id);
CREATE TABLE agents (
  id          ${T} NOT NULL PRIMARY KEY,
  channel_id  ${T} NOT NULL,
  merchant_id ${T} NOT NULL,
  data        TEXT NOT NULL
);
CREATE INDEX agents_by_merchant ON agents (channel_id, merchant_id, id);
CREATE INDEX agents_by_wechat_openid ON agents (channel_id, ((data::jsonb ->> 'wechatOpenid')), id)
  WHERE (data::jsonb ->> 'wechatOpenid') IS NOT NULL;
CREATE INDEX agents_by_name ON agents (channel_id, merchant_id, ((data::jsonb ->> 'name')), id);
CREATE TABLE skill_groups (
  id          ${T} NOT NULL PRIMARY KEY,
  channel_id  ${T} NOT NULL,
  merchant_id ${T} NOT NULL,
  data        TEXT NOT NULL
);
CREATE INDEX skill_groups_by_merchant ON skill_groups (channel_id, merchant_id, id);
CREATE TABLE work_calendars (
  id          ${T} NOT NULL PRIMARY KEY,
  channel_id  ${T} NOT NULL,
  merchant_id ${T} NOT NULL,
  data        TEXT NOT NULL
);
CREATE INDEX work_calendars_by_merchant ON work_calendars (channel_id, merchant_id, id);
CREATE TABLE merchants (
  id         ${T} NOT NULL PRIMARY KEY,
  channel_id ${T} NOT NULL,
  code       ${T} NOT NULL,
  data       TEXT NOT NULL,
  UNIQUE (channel_id, code)
);
CREATE TABLE routing_settings (
  channel_id  ${T} NOT NULL,
  merchant_id ${T} NOT NULL,
  data        TEXT NOT NULL,
  PRIMARY KEY (channel_id, merchant_id)
);
CREATE TABLE outbox (
  id              ${T}    NOT NULL PRIMARY KEY,
  channel_id      ${T}    NOT NULL,
  to_openid       ${T}    NOT NULL,
  message_id      ${T}    NOT NULL,
  created_at      BIGINT  NOT NULL,
  data            TEXT    NOT NULL,
  status          ${T}    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT  NOT NULL,
  lease_until     BIGINT,
  lease_owner     ${T},
  in_doubt        BOOLEAN NOT NULL DEFAULT false,
  last_error      TEXT,
  finished_at     BIGINT,
  wechat_code     INTEGER
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_by_customer ON outbox (channel_id, to_openid, created_at, id) WHERE status = 'pending';
`;
