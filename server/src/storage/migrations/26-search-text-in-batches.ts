// Migration step 26: the text of new messages is copied into message_texts in batches (sqlite-search-index.ts)
// instead of by a trigger inside the unit that stores each message, so storing a message writes only its
// messages row and that table's indexes. The copy's progress is a messages rowid; every message stored so far
// was copied by the trigger, so the copy starts after the newest one and copies none twice.
export const searchTextInBatchesSchema = `
DROP TRIGGER messages_searchable;
ALTER TABLE search_index_state ADD COLUMN copied_through INTEGER NOT NULL DEFAULT 0;
UPDATE search_index_state SET copied_through = (SELECT coalesce(max(rowid), 0) FROM messages);
`;
