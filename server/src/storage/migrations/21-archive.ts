// Migration step: archive and delete. A channel's archive time gets its own column (channels keep no JSON
// `data`); agents, groups, calendars and merchants keep theirs in `data` (record-codec.ts). The two
// indexes serve the reference counts a delete checks first (ReferenceRepository): messages an agent sent
// and conversations routed through a group, both kept inside `data`. Partial, so the push path's
// customer messages and group-less conversations add no index entry.
export const AGENT_OF_MESSAGE = `json_extract(data, '$.sender.agentId')`;
export const GROUP_OF_CONVERSATION = `json_extract(data, '$.groupId')`;

export const archiveSchema = `
ALTER TABLE channels ADD COLUMN archived_at INTEGER;
CREATE INDEX messages_by_agent ON messages (${AGENT_OF_MESSAGE}) WHERE ${AGENT_OF_MESSAGE} IS NOT NULL;
CREATE INDEX conversations_by_group ON conversations (${GROUP_OF_CONVERSATION}) WHERE ${GROUP_OF_CONVERSATION} IS NOT NULL;
`;
