// Migration step 20: a channel's revision, raised by every save of the channel (never by WeChat's activity),
// so that each node's in-memory channel directory can see a change made by another node or the CLI with one
// cheap read instead of reloading and opening the channel's secrets (cached-channel-directory.ts).
export const channelRevisionSchema = `
ALTER TABLE channels ADD COLUMN revision bigint NOT NULL DEFAULT 0;
`;
