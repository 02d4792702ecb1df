// Migration step: the knowledge robot's optional semantic stage. Per channel, the embeddings endpoint
// (its API key sealed like the channels' secrets, secret-box.ts); per entry, the vector of its text and
// the digest of what was embedded, so an edit or a model change is noticed and re-embedded.
export const knowledgeVectorsSchema = `
CREATE TABLE knowledge_semantic (
  channel_id     TEXT    PRIMARY KEY,
  enabled        INTEGER NOT NULL,
  url            TEXT    NOT NULL,
  model          TEXT    NOT NULL,
  timeout_ms     INTEGER NOT NULL,
  api_key_sealed TEXT
) STRICT;
CREATE TABLE knowledge_vectors (
  channel_id   TEXT    NOT NULL,
  merchant_key TEXT    NOT NULL,
  number       INTEGER NOT NULL,
  digest       TEXT    NOT NULL,
  vector       BLOB    NOT NULL,
  PRIMARY KEY (channel_id, merchant_key, number)
) STRICT;
`;
