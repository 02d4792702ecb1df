// PostgreSQL step 3: channels with sealed secrets (channel-row.ts) and storage_meta, as SQLite's steps 3,
// 7 and 14 left them. agents_see_union_id stays 0/1 so both stores share one row codec.
const T = 'TEXT COLLATE "C"';
const MODE = "CHECK (mode IN ('plaintext', 'compatible', 'secure'))";

export const channelsSchema = `
CREATE TABLE channels (
  id                        ${T}     NOT NULL PRIMARY KEY,
  name                      TEXT     NOT NULL,
  kind                      ${T}     NOT NULL CHECK (kind IN ('miniprogram', 'official_account')),
  app_id                    ${T}     NOT NULL,
  original_id               ${T}     NOT NULL,
  mode                      ${T}     NOT NULL ${MODE},
  format                    ${T}     NOT NULL CHECK (format IN ('xml', 'json')),
  token_source              ${T}     NOT NULL CHECK (token_source IN ('stable', 'basic')),
  created_at                BIGINT   NOT NULL,
  updated_at                BIGINT   NOT NULL,
  app_secret                TEXT     NOT NULL,
  token                     TEXT     NOT NULL,
  encoding_aes_key          TEXT,
  union_id_key              TEXT,
  agents_see_union_id       SMALLINT NOT NULL DEFAULT 0,
  replay_window_seconds     INTEGER,
  grace_seconds             INTEGER,
  previous_token            TEXT,
  previous_encoding_aes_key TEXT,
  previous_mode             ${T}     CHECK (previous_mode IN ('plaintext', 'compatible', 'secure')),
  previous_until            BIGINT,
  last_verified_at          BIGINT,
  last_push_at              BIGINT
);
CREATE TABLE storage_meta (
  key   ${T} NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
);
`;
