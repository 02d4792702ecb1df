// PostgreSQL step 15: when each conversation's timer sweep looks at it next, as SQLite's step 20 made it
// (NULL: no timer runs; the open conversations of an older database are all looked at on the first tick).
export const timerDueSchema = `
ALTER TABLE conversations ADD COLUMN timer_due_at BIGINT;
UPDATE conversations SET timer_due_at = 0 WHERE state <> 'ended';
CREATE INDEX conversations_timer_due ON conversations (channel_id, timer_due_at, id) WHERE timer_due_at IS NOT NULL;
`;
