// PostgreSQL step 4: the inbox of verified pushes, as SQLite's step 5 made it. (channel_id, dedupe_key)
// is unique, so a push WeChat retries to any node is stored once.
const T = 'TEXT COLLATE "C"';

export const inboxSchema = `
CREATE TABLE inbox (
  id              BIGSERIAL PRIMARY KEY,
  channel_id      ${T}    NOT NULL,
  dedupe_key      ${T}    NOT NULL,
  received_at     BIGINT  NOT NULL,
  message         TEXT    NOT NULL,
  state           ${T}    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT  NOT NULL DEFAULT 0,
  done_at         BIGINT,
  last_error      TEXT,
  UNIQUE (channel_id, dedupe_key)
);
CREATE INDEX inbox_pending ON inbox (id) WHERE state = 'pending';
`;
