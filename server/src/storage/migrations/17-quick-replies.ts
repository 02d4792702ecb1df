// Migration step: quick replies (快捷回复), a team's (agent_key '') or one agent's own; listed by owner.
export const quickRepliesSchema = `
CREATE TABLE quick_replies (
  id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  merchant_key TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX quick_replies_owner ON quick_replies (channel_id, merchant_key, agent_key);
`;
