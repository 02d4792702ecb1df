// Migration step 5: the inbox of verified pushes (storage/sqlite-inbox.ts). Unique per channel and WeChat's
// de-duplication key, so a retried push is stored once. The partial index holds only pending entries, in
// arrival order: the worker's scan reads those few, however many processed entries the table keeps.
export const inboxSchema = `CREATE TABLE inbox (
  id              INTEGER PRIMARY KEY,
  channel_id      TEXT    NOT NULL,
  dedupe_key      TEXT    NOT NULL,
  received_at     INTEGER NOT NULL,
  message         TEXT    NOT NULL,
  state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  done_at         INTEGER,
  last_error      TEXT,
  UNIQUE (channel_id, dedupe_key)
) STRICT;
CREATE INDEX inbox_pending ON inbox (id) WHERE state = 'pending';`;
