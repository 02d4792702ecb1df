// Saving routing settings, a skill group or a work calendar may change when the timers of the open
// conversations they govern fall due: their stored instants (ConversationRepository.save's timerDueAt)
// become 0, so the next timer sweep looks at each once, works its timers out under what changed and
// stores the new instant. A merchant's record governs that merchant's conversations; the platform's
// level (the channel's defaults, the platform's calendars) every conversation of the channel. It runs
// in the transaction of the save: a unit that worked an instant out under the old settings either
// commits before it (and is reset) or conflicts with it (PostgreSQL's SERIALIZABLE fails one of them).
import type { Database, Statement } from 'better-sqlite3';
import { merchantKey } from './record-codec';

const lookAgain = (channel: string, merchant: string) => `UPDATE conversations SET timer_due_at = 0
  WHERE channel_id = ${channel} AND (${merchant} = '' OR merchant_id = ${merchant}) AND state <> 'ended'`;

/** PostgreSQL's statement: $1 the channel, $2 the merchant key ('' the platform: the whole channel). */
export const PG_LOOK_AGAIN_AT_TIMERS = lookAgain('$1', '$2');

/** The values of PG_LOOK_AGAIN_AT_TIMERS. */
export const lookAgainValues = (channelId: string, merchantId: string | undefined): [string, string] => [
  channelId,
  merchantKey(merchantId),
];

/** SQLite's, prepared once per connection. */
export function sqliteLookAgainAtTimers(db: Database): (channelId: string, merchantId: string | undefined) => void {
  const statement: Statement<[{ channel: string; merchant: string }]> = db.prepare(lookAgain('@channel', '@merchant'));
  return (channelId, merchantId) => void statement.run({ channel: channelId, merchant: merchantKey(merchantId) });
}
