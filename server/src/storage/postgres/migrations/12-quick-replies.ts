// PostgreSQL step 12: quick replies (快捷回复), a team's (agent_key '') or one agent's own; listed by owner.
export const quickRepliesSchema = `
CREATE TABLE quick_replies (
  id TEXT COLLATE "C" PRIMARY KEY,
  channel_id TEXT COLLATE "C" NOT NULL,
  merchant_key TEXT COLLATE "C" NOT NULL,
  agent_key TEXT COLLATE "C" NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX quick_replies_owner ON quick_replies (channel_id, merchant_key, agent_key);`;
