// PostgreSQL step 15: the audit log, as SQLite's step 20 made it.
const T = 'TEXT COLLATE "C"';

export const auditLogSchema = `
CREATE TABLE audit_log (
  id          ${T} PRIMARY KEY,
  at          BIGINT NOT NULL,
  actor_kind  TEXT NOT NULL,
  actor_id    ${T},
  actor_name  TEXT NOT NULL,
  actor_role  TEXT NOT NULL,
  action      ${T} NOT NULL,
  target_type ${T} NOT NULL,
  target_id   ${T} NOT NULL,
  channel_id  ${T},
  merchant_id ${T},
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_channel ON audit_log (channel_id, at, id);
`;
