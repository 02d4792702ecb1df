// Migration step 3: channels, their secrets sealed with the master key (storage/secret-box.ts), and a small
// key/value table for facts about the database itself (the master-key check value).

export const channelsSchema = `
CREATE TABLE channels (
  id               TEXT    NOT NULL PRIMARY KEY,
  name             TEXT    NOT NULL,
  kind             TEXT    NOT NULL CHECK (kind IN ('miniprogram', 'official_account')),
  app_id           TEXT    NOT NULL,
  original_id      TEXT    NOT NULL,
  mode             TEXT    NOT NULL CHECK (mode IN ('plaintext', 'compatible', 'secure')),
  format           TEXT    NOT NULL CHECK (format IN ('xml', 'json')),
  token_source     TEXT    NOT NULL CHECK (token_source IN ('stable', 'basic')),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  -- sealed: 'v1.' + base64(nonce | ciphertext | tag), bound to the channel id and the field name
  app_secret       TEXT    NOT NULL,
  token            TEXT    NOT NULL,
  encoding_aes_key TEXT,
  union_id_key     TEXT
) STRICT;

CREATE TABLE storage_meta (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
