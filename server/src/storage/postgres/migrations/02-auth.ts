// PostgreSQL step 2: API tokens, login accounts and their sessions, as SQLite's step 4 made them.
const T = 'TEXT COLLATE "C"';

export const authSchema = `
CREATE TABLE api_tokens (
  id           ${T}   NOT NULL PRIMARY KEY,
  name         TEXT   NOT NULL,
  role         ${T}   NOT NULL CHECK (role IN ('platform_admin', 'merchant_admin', 'agent')),
  channel_id   ${T},
  merchant_id  ${T},
  agent_id     ${T},
  token_hash   ${T}   NOT NULL UNIQUE,
  created_at   BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT,
  CHECK (role <> 'merchant_admin' OR (channel_id IS NOT NULL AND merchant_id IS NOT NULL)),
  CHECK (role <> 'agent' OR agent_id IS NOT NULL)
);
CREATE TABLE login_accounts (
  id                  ${T}   NOT NULL PRIMARY KEY,
  username            ${T}   NOT NULL UNIQUE,
  password_hash       TEXT   NOT NULL,
  role                ${T}   NOT NULL CHECK (role IN ('platform_admin', 'merchant_admin', 'agent')),
  channel_id          ${T},
  merchant_id         ${T},
  agent_id            ${T},
  created_at          BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL,
  CHECK (role <> 'merchant_admin' OR (channel_id IS NOT NULL AND merchant_id IS NOT NULL)),
  CHECK (role <> 'agent' OR agent_id IS NOT NULL)
);
CREATE TABLE login_sessions (
  token_hash ${T}   NOT NULL PRIMARY KEY,
  account_id ${T}   NOT NULL REFERENCES login_accounts (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX login_sessions_by_account ON login_sessions (account_id);
CREATE INDEX login_sessions_by_expiry ON login_sessions (expires_at);
`;
