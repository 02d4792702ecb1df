// Migration step 7: what the web workbench needs. Media of the knowledge store record who owns them
// (agents now upload pictures to send, and the browser loads media back, so each read is checked against
// its channel and merchant; rows stored before this step have no owner and stay platform-admin only), and
// a channel says whether its agents may see customers' UnionIDs (off until a platform admin allows it).
export const mediaOwnersAndUnionIdSwitchSchema = `
ALTER TABLE knowledge_media ADD COLUMN channel_id TEXT;
ALTER TABLE knowledge_media ADD COLUMN merchant_key TEXT;
ALTER TABLE knowledge_media ADD COLUMN kind TEXT NOT NULL DEFAULT 'knowledge';
ALTER TABLE knowledge_media ADD COLUMN created_at INTEGER;
ALTER TABLE channels ADD COLUMN agents_see_union_id INTEGER NOT NULL DEFAULT 0;
`;
