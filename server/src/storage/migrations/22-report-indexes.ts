// Migration step: what the range reports read of each conversation's messages, found by index instead of
// reading every message: the first message of a sender kind (the first customer message, the first agent
// reply, the first reply after a left message), and the failed sends (those WeChat's window refused).
export const reportIndexesSchema = `
CREATE INDEX messages_by_sender ON messages (conversation_id, json_extract(data, '$.sender.kind'), created_at, id);
CREATE INDEX messages_failed ON messages (conversation_id, created_at) WHERE json_extract(delivery, '$.status') = 'failed';`;
