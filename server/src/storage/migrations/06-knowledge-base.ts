// Migration step 6: the knowledge base. An entry's fields are one JSON document (they vary by type and
// grow with features); its identity (channel, merchant, number) is columns. `merchant_key` is '' for the
// platform's own entries, so the primary key holds (NULLs are never equal in SQLite). Triggers bump one
// revision counter on every change, whoever makes it (the server or the CLI in another process), so the
// server notices edits it did not make itself.
export const knowledgeSchema = `
CREATE TABLE knowledge_entries (
  channel_id   TEXT    NOT NULL,
  merchant_key TEXT    NOT NULL,
  number       INTEGER NOT NULL,
  body         TEXT    NOT NULL,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (channel_id, merchant_key, number)
) STRICT;
CREATE TABLE knowledge_settings (
  channel_id           TEXT    NOT NULL,
  merchant_key         TEXT    NOT NULL,
  handoff_after_misses INTEGER NOT NULL,
  threshold            REAL    NOT NULL,
  PRIMARY KEY (channel_id, merchant_key)
) STRICT;
CREATE TABLE knowledge_misses (
  channel_id   TEXT    NOT NULL,
  merchant_key TEXT    NOT NULL,
  key          TEXT    NOT NULL,
  question     TEXT    NOT NULL,
  count        INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  PRIMARY KEY (channel_id, merchant_key, key)
) STRICT;
CREATE INDEX knowledge_misses_by_count ON knowledge_misses (channel_id, merchant_key, count DESC);
CREATE TABLE knowledge_media (
  id           TEXT PRIMARY KEY,
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  data         BLOB NOT NULL
) STRICT;
CREATE TABLE knowledge_revision (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
) STRICT;
INSERT INTO knowledge_revision (id, value) VALUES (1, 0);
CREATE TRIGGER knowledge_entries_ins AFTER INSERT ON knowledge_entries BEGIN UPDATE knowledge_revision SET value = value + 1; END;
CREATE TRIGGER knowledge_entries_upd AFTER UPDATE ON knowledge_entries BEGIN UPDATE knowledge_revision SET value = value + 1; END;
CREATE TRIGGER knowledge_entries_del AFTER DELETE ON knowledge_entries BEGIN UPDATE knowledge_revision SET value = value + 1; END;
CREATE TRIGGER knowledge_settings_ins AFTER INSERT ON knowledge_settings BEGIN UPDATE knowledge_revision SET value = value + 1; END;
CREATE TRIGGER knowledge_settings_upd AFTER UPDATE ON knowledge_settings BEGIN UPDATE knowledge_revision SET value = value + 1; END;
`;
