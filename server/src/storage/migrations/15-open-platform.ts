// Migration step: the WeChat open platform (第三方平台). One row of platform settings (AppSecret, Token,
// EncodingAESKey and the latest component_verify_ticket sealed with the master key, secret-box.ts), one row
// per authorized account (its refresh token sealed), and access tokens of two more kinds: the component
// token and each authorizer's token (the CHECK of access_tokens is widened by rebuilding the table).
export const openPlatformSchema = `
CREATE TABLE open_platform (
  id                 INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  component_app_id   TEXT    NOT NULL,
  app_secret         TEXT    NOT NULL,
  token              TEXT    NOT NULL,
  encoding_aes_key   TEXT    NOT NULL,
  updated_at         INTEGER NOT NULL,
  ticket             TEXT,
  ticket_received_at INTEGER,
  ticket_pushed_at   INTEGER
) STRICT;
CREATE TABLE open_platform_authorizations (
  app_id           TEXT    NOT NULL PRIMARY KEY,
  channel_id       TEXT    NOT NULL UNIQUE,
  component_app_id TEXT    NOT NULL,
  kind             TEXT    NOT NULL CHECK (kind IN ('miniprogram', 'official_account')),
  state            TEXT    NOT NULL CHECK (state IN ('authorized', 'revoked')),
  permissions      TEXT    NOT NULL,
  refresh_token    TEXT    NOT NULL,
  authorized_at    INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  revoked_at       INTEGER,
  last_auth_code   TEXT
) STRICT;
CREATE TABLE access_tokens_widened (
  app_id      TEXT    NOT NULL,
  source      TEXT    NOT NULL CHECK (source IN ('stable', 'basic', 'component', 'authorizer')),
  token       TEXT    NOT NULL,
  obtained_at INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  PRIMARY KEY (app_id, source)
) STRICT;
INSERT INTO access_tokens_widened SELECT app_id, source, token, obtained_at, expires_at FROM access_tokens;
DROP TABLE access_tokens;
ALTER TABLE access_tokens_widened RENAME TO access_tokens;
`;
