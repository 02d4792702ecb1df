// Migration step 20: supervisors, and agent logins linked to several agents (one per channel). The role
// CHECK of step 4 cannot be altered in SQLite, so both grant tables are rebuilt with the new role and an
// agent_ids column (a JSON array; NULL for a one-agent login, as every existing row is). Sessions are kept:
// they are copied aside first, because dropping login_accounts would cascade-delete them (foreign keys are on
// and cannot be switched off inside the migration's transaction).
const grantColumns = `
  role         TEXT    NOT NULL CHECK (role IN ('platform_admin', 'merchant_admin', 'supervisor', 'agent')),
  channel_id   TEXT,
  merchant_id  TEXT,
  agent_id     TEXT,
  agent_ids    TEXT,`;

const grantChecks = (table: string) => `,
  CONSTRAINT ${table}_merchant_admin CHECK (role <> 'merchant_admin' OR (channel_id IS NOT NULL AND merchant_id IS NOT NULL)),
  CONSTRAINT ${table}_supervisor CHECK (role <> 'supervisor' OR channel_id IS NOT NULL),
  CONSTRAINT ${table}_agent CHECK (role <> 'agent' OR agent_id IS NOT NULL)`;

export const supervisorsAndAgentSeatsSchema = `
CREATE TABLE api_tokens_next (
  id           TEXT    NOT NULL PRIMARY KEY,
  name         TEXT    NOT NULL,${grantColumns}
  token_hash   TEXT    NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER${grantChecks('api_tokens')}
) STRICT;
INSERT INTO api_tokens_next (id, name, role, channel_id, merchant_id, agent_id, token_hash, created_at, last_used_at, revoked_at)
  SELECT id, name, role, channel_id, merchant_id, agent_id, token_hash, created_at, last_used_at, revoked_at FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_next RENAME TO api_tokens;

CREATE TABLE login_sessions_kept AS SELECT token_hash, account_id, created_at, expires_at FROM login_sessions;
DROP TABLE login_sessions;

CREATE TABLE login_accounts_next (
  id                  TEXT    NOT NULL PRIMARY KEY,
  username            TEXT    NOT NULL UNIQUE,
  password_hash       TEXT    NOT NULL,${grantColumns}
  created_at          INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL${grantChecks('login_accounts')}
) STRICT;
INSERT INTO login_accounts_next (id, username, password_hash, role, channel_id, merchant_id, agent_id, created_at, password_changed_at)
  SELECT id, username, password_hash, role, channel_id, merchant_id, agent_id, created_at, password_changed_at FROM login_accounts;
DROP TABLE login_accounts;
ALTER TABLE login_accounts_next RENAME TO login_accounts;

CREATE TABLE login_sessions (
  token_hash TEXT    NOT NULL PRIMARY KEY,
  account_id TEXT    NOT NULL REFERENCES login_accounts (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
INSERT INTO login_sessions SELECT token_hash, account_id, created_at, expires_at FROM login_sessions_kept;
DROP TABLE login_sessions_kept;
CREATE INDEX login_sessions_by_account ON login_sessions (account_id);
CREATE INDEX login_sessions_by_expiry ON login_sessions (expires_at);
`;
