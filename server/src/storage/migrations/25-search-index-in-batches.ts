// Migration step 25: the words of new messages go into the full-text index in batches (sqlite-search-index.ts)
// instead of inside the unit that stores each message. The trigger that indexed each message_texts row at
// insert goes; the rows already indexed are recorded as such, so none is indexed twice.
export const searchIndexInBatchesSchema = `
DROP TRIGGER message_texts_indexed;
CREATE TABLE search_index_state (
  one              INTEGER NOT NULL PRIMARY KEY CHECK (one = 1),
  indexed_through  INTEGER NOT NULL
) STRICT;
INSERT INTO search_index_state (one, indexed_through) SELECT 1, coalesce(max(id), 0) FROM message_texts;
`;
