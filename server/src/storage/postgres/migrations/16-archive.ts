// PostgreSQL step 15: archive and delete, as SQLite's step 20 made them: the channel's archive time in
// its own column, and the two partial indexes the delete checks count with (ReferenceRepository).
export const AGENT_OF_MESSAGE = `(data::jsonb -> 'sender' ->> 'agentId')`;
export const GROUP_OF_CONVERSATION = `(data::jsonb ->> 'groupId')`;

export const archiveSchema = `
ALTER TABLE channels ADD COLUMN archived_at BIGINT;
CREATE INDEX messages_by_agent ON messages (${AGENT_OF_MESSAGE}) WHERE ${AGENT_OF_MESSAGE} IS NOT NULL;
CREATE INDEX conversations_by_group ON conversations (${GROUP_OF_CONVERSATION}) WHERE ${GROUP_OF_CONVERSATION} IS NOT NULL;
`;
