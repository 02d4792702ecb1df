// The login throttle's counts, shared by every node: one row per counted key ('user:<name>' or
// 'ip:<address>'), changed under a transaction-scoped advisory lock per key.
export const loginAttemptsSchema = `
CREATE TABLE login_attempts (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL
);
CREATE INDEX login_attempts_last_failure ON login_attempts (last_failure_at);
`;
