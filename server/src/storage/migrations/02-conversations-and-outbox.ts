// Migration step 2: the schema of conversations and their outbox (customers, conversations, messages,
// agents, skill groups, work calendars, merchants, routing settings, outbox). Real columns hold what the
// repository ports query (see storage/record-codec.ts for the JSON `data` column and the '' platform
// merchant); every index below serves one port method, named beside it. Released steps are never
// edited: append a new one.

export const conversationsAndOutboxSchema = `
CREATE TABLE customers (
  id         TEXT NOT NULL PRIMARY KEY,
  channel_id TEXT NOT NULL,
  openid     TEXT NOT NULL,
  data       TEXT NOT NULL,
  UNIQUE (channel_id, openid)                       -- findByOpenid
) STRICT;

CREATE TABLE conversations (
  id          TEXT    NOT NULL PRIMARY KEY,
  channel_id  TEXT    NOT NULL,
  merchant_id TEXT    NOT NULL,
  customer_id TEXT    NOT NULL,
  state       TEXT    NOT NULL CHECK (state IN ('bot', 'queued', 'assigned', 'left_message', 'ended')),
  agent_id    TEXT,
  created_at  INTEGER NOT NULL,
  queued_at   INTEGER,
  data        TEXT    NOT NULL
) STRICT;
-- findOpen, listOpenByCustomer, findLatestWithAgent, list by customer
CREATE INDEX conversations_by_customer ON conversations (customer_id, merchant_id, created_at, id);
-- listQueued: only queued rows are indexed, already in queue order
CREATE INDEX conversations_queue ON conversations (channel_id, merchant_id, queued_at, id) WHERE state = 'queued';
-- listOpen (the timer tick)
CREATE INDEX conversations_open ON conversations (channel_id, id) WHERE state <> 'ended';
-- listByAgent, countAssigned, list by agent
CREATE INDEX conversations_by_agent ON conversations (agent_id, state);
-- list, newest first, with and without a merchant
CREATE INDEX conversations_by_channel ON conversations (channel_id, created_at, id);
CREATE INDEX conversations_by_merchant ON conversations (channel_id, merchant_id, created_at, id);

CREATE TABLE messages (
  id              TEXT    NOT NULL PRIMARY KEY,
  channel_id      TEXT    NOT NULL,
  conversation_id TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  wechat_msg_id   TEXT,
  delivery        TEXT,
  data            TEXT    NOT NULL,
  UNIQUE (channel_id, wechat_msg_id)                -- WeChat's MsgId once per channel; NULLs (outbound) are distinct
) STRICT;
-- listByConversation
CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at, id);

CREATE TABLE agents (
  id          TEXT NOT NULL PRIMARY KEY,
  channel_id  TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  data        TEXT NOT NULL
) STRICT;
CREATE INDEX agents_by_merchant ON agents (channel_id, merchant_id, id);   -- listByMerchant, listByChannel

CREATE TABLE skill_groups (
  id          TEXT NOT NULL PRIMARY KEY,
  channel_id  TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  data        TEXT NOT NULL
) STRICT;
CREATE INDEX skill_groups_by_merchant ON skill_groups (channel_id, merchant_id, id);

CREATE TABLE work_calendars (
  id          TEXT NOT NULL PRIMARY KEY,
  channel_id  TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  data        TEXT NOT NULL
) STRICT;
CREATE INDEX work_calendars_by_merchant ON work_calendars (channel_id, merchant_id, id);

CREATE TABLE merchants (
  id         TEXT NOT NULL PRIMARY KEY,
  channel_id TEXT NOT NULL,
  code       TEXT NOT NULL,
  data       TEXT NOT NULL,
  UNIQUE (channel_id, code)                         -- findByCode
) STRICT;

CREATE TABLE routing_settings (
  channel_id  TEXT NOT NULL,
  merchant_id TEXT NOT NULL,                        -- '': the channel's own level
  data        TEXT NOT NULL,
  PRIMARY KEY (channel_id, merchant_id)
) STRICT;

-- The persistent outbox. status: pending until sent or failed for good; lease_until: a sender's claim,
-- void once passed so a crashed sender's items are claimed again.
CREATE TABLE outbox (
  id              TEXT    NOT NULL PRIMARY KEY,
  channel_id      TEXT    NOT NULL,
  to_openid       TEXT    NOT NULL,
  message_id      TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  data            TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until     INTEGER,
  last_error      TEXT,
  finished_at     INTEGER,
  wechat_code     INTEGER
) STRICT;
-- claimDue: pending items by due time
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
-- claimDue's per-customer order: is an older item to the same customer still pending?
CREATE INDEX outbox_by_customer ON outbox (channel_id, to_openid, created_at, id) WHERE status = 'pending';
`;
