// PostgreSQL step 6: the knowledge base, as SQLite's steps 6, 7 and 10 left it: entries, robot settings,
// misses, media (with owner and kind), synonyms, and the revision every node polls to notice another's
// edit (raised by a trigger on every change of entries, settings or synonyms).
const T = 'TEXT COLLATE "C"';

export const knowledgeSchema = `
CREATE TABLE knowledge_entries (
  channel_id   ${T}    NOT NULL,
  merchant_key ${T}    NOT NULL,
  number       INTEGER NOT NULL,
  body         TEXT    NOT NULL,
  updated_at   BIGINT  NOT NULL,
  PRIMARY KEY (channel_id, merchant_key, number)
);
CREATE TABLE knowledge_settings (
  channel_id           ${T}             NOT NULL,
  merchant_key         ${T}             NOT NULL,
  handoff_after_misses INTEGER          NOT NULL,
  threshold            DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (channel_id, merchant_key)
);
CREATE TABLE knowledge_misses (
  channel_id   ${T}    NOT NULL,
  merchant_key ${T}    NOT NULL,
  key          ${T}    NOT NULL,
  question     TEXT    NOT NULL,
  count        INTEGER NOT NULL,
  last_at      BIGINT  NOT NULL,
  PRIMARY KEY (channel_id, merchant_key, key)
);
CREATE INDEX knowledge_misses_by_count ON knowledge_misses (channel_id, merchant_key, count DESC);
CREATE TABLE knowledge_media (
  id           ${T}   PRIMARY KEY,
  filename     TEXT   NOT NULL,
  content_type TEXT   NOT NULL,
  data         BYTEA  NOT NULL,
  channel_id   ${T},
  merchant_key ${T},
  kind         ${T}   NOT NULL DEFAULT 'knowledge',
  created_at   BIGINT
);
CREATE TABLE knowledge_synonyms (
  channel_id   ${T} NOT NULL,
  merchant_key ${T} NOT NULL,
  groups_json  TEXT NOT NULL,
  PRIMARY KEY (channel_id, merchant_key)
);
CREATE TABLE knowledge_revision (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT  NOT NULL
);
INSERT INTO knowledge_revision (id, value) VALUES (1, 0);
CREATE FUNCTION knowledge_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE knowledge_revision SET value = value + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER knowledge_entries_revised AFTER INSERT OR UPDATE OR DELETE ON knowledge_entries
  FOR EACH STATEMENT EXECUTE FUNCTION knowledge_revised();
CREATE TRIGGER knowledge_settings_revised AFTER INSERT OR UPDATE OR DELETE ON knowledge_settings
  FOR EACH STATEMENT EXECUTE FUNCTION knowledge_revised();
CREATE TRIGGER knowledge_synonyms_revised AFTER INSERT OR UPDATE OR DELETE ON knowledge_synonyms
  FOR EACH STATEMENT EXECUTE FUNCTION knowledge_revised();
`;

// The robot's optional semantic stage, as SQLite's step 11: per channel the embeddings endpoint (its API
// key sealed like the channels' secrets), per entry the vector (float32, little-endian) and the digest of
// what was embedded.
export const knowledgeVectorsSchema = `
CREATE TABLE knowledge_semantic (
  channel_id     ${T}    PRIMARY KEY,
  enabled        BOOLEAN NOT NULL,
  url            TEXT    NOT NULL,
  model          TEXT    NOT NULL,
  timeout_ms     INTEGER NOT NULL,
  api_key_sealed TEXT
);
CREATE TABLE knowledge_vectors (
  channel_id   ${T}    NOT NULL,
  merchant_key ${T}    NOT NULL,
  number       INTEGER NOT NULL,
  digest       TEXT    NOT NULL,
  vector       BYTEA   NOT NULL,
  PRIMARY KEY (channel_id, merchant_key, number)
);
`;
