// Migration step: when each conversation's timer sweep looks at it next (ConversationRepository.save's
// timerDueAt), so the sweep reads the conversations whose instant has come from an index instead of
// every open conversation every tick. NULL: no timer runs. The open conversations of a database made
// before this step are all looked at on the first tick (0), which stores each one's real instant.
export const timerDueSchema = `
ALTER TABLE conversations ADD COLUMN timer_due_at INTEGER;
UPDATE conversations SET timer_due_at = 0 WHERE state <> 'ended';
-- listTimerDue: only conversations with a timer are indexed, earliest first
CREATE INDEX conversations_timer_due ON conversations (channel_id, timer_due_at, id) WHERE timer_due_at IS NOT NULL;
`;
