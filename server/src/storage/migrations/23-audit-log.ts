// Migration step: the audit log. One row per change an admin, a supervisor or the operator made, with the
// actor's name as it was then and the before/after values as JSON (secrets removed before they get here).
// Read newest first, over everything or one channel; retention deletes by age.
export const auditLogSchema = `
CREATE TABLE audit_log (
  id          TEXT PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_kind  TEXT NOT NULL,
  actor_id    TEXT,
  actor_name  TEXT NOT NULL,
  actor_role  TEXT NOT NULL,
  action      TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id   TEXT NOT NULL,
  channel_id  TEXT,
  merchant_id TEXT,
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_channel ON audit_log (channel_id, at, id);
`;
