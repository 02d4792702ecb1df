// PostgreSQL step 10: the WeChat open platform, as SQLite's step 15 (storage/migrations/15-open-platform.ts):
// the platform's settings and latest ticket (secrets sealed), the authorizations (refresh tokens sealed),
// and access tokens of the component and authorizer kinds.
const T = 'TEXT COLLATE "C"';

export const openPlatformSchema = `
CREATE TABLE open_platform (
  id                 INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  component_app_id   ${T}   NOT NULL,
  app_secret         TEXT   NOT NULL,
  token              TEXT   NOT NULL,
  encoding_aes_key   TEXT   NOT NULL,
  updated_at         BIGINT NOT NULL,
  ticket             TEXT,
  ticket_received_at BIGINT,
  ticket_pushed_at   BIGINT
);
CREATE TABLE open_platform_authorizations (
  app_id           ${T}   NOT NULL PRIMARY KEY,
  channel_id       ${T}   NOT NULL UNIQUE,
  component_app_id ${T}   NOT NULL,
  kind             ${T}   NOT NULL CHECK (kind IN ('miniprogram', 'official_account')),
  state            ${T}   NOT NULL CHECK (state IN ('authorized', 'revoked')),
  permissions      TEXT   NOT NULL,
  refresh_token    TEXT   NOT NULL,
  authorized_at    BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  revoked_at       BIGINT,
  last_auth_code   TEXT
);
ALTER TABLE access_tokens DROP CONSTRAINT access_tokens_source_check;
ALTER TABLE access_tokens ADD CONSTRAINT access_tokens_source_check CHECK (source IN ('stable', 'basic', 'component', 'authorizer'));`;
