// Migration step 4: API tokens, login accounts and their sessions (core/ports/auth.ts). Self-contained: no
// reference to other steps' tables, since an agent or a merchant may be removed while a login remains
// (authentication then refuses it). Tokens and session tokens are stored as SHA-256 hex, passwords as scrypt.

export const apiTokensAndLoginsSchema = `
CREATE TABLE api_tokens (
  id           TEXT    NOT NULL PRIMARY KEY,
  name         TEXT    NOT NULL,
  role         TEXT    NOT NULL CHECK (role IN ('platform_admin', 'merchant_admin', 'agent')),
  channel_id   TEXT,
  merchant_id  TEXT,
  agent_id     TEXT,
  token_hash   TEXT    NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER,
  CHECK (role <> 'merchant_admin' OR (channel_id IS NOT NULL AND merchant_id IS NOT NULL)),
  CHECK (role <> 'agent' OR agent_id IS NOT NULL)
) STRICT;

CREATE TABLE login_accounts (
  id                  TEXT    NOT NULL PRIMARY KEY,
  username            TEXT    NOT NULL UNIQUE,
  password_hash       TEXT    NOT NULL,
  role                TEXT    NOT NULL CHECK (role IN ('platform_admin', 'merchant_admin', 'agent')),
  channel_id          TEXT,
  merchant_id         TEXT,
  agent_id            TEXT,
  created_at          INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL,
  CHECK (role <> 'merchant_admin' OR (channel_id IS NOT NULL AND merchant_id IS NOT NULL)),
  CHECK (role <> 'agent' OR agent_id IS NOT NULL)
) STRICT;

CREATE TABLE login_sessions (
  token_hash TEXT    NOT NULL PRIMARY KEY,
  account_id TEXT    NOT NULL REFERENCES login_accounts (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE INDEX login_sessions_by_account ON login_sessions (account_id);
CREATE INDEX login_sessions_by_expiry ON login_sessions (expires_at);
`;
