// PostgreSQL step 15: the range reports' indexes, as SQLite's step 20 made them: a conversation's first
// message of a sender kind, and its failed sends.
export const reportIndexesSchema = `
CREATE INDEX messages_by_sender ON messages (conversation_id, ((data::jsonb -> 'sender' ->> 'kind')), created_at, id);
CREATE INDEX messages_failed ON messages (conversation_id, created_at) WHERE (delivery::jsonb ->> 'status') = 'failed';`;
