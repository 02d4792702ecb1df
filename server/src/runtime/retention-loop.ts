// What every retention shares: rows older than a number of days are removed once at start and every six
// hours after, and what was removed is logged (nothing when nothing was).
import type { Logger } from 'pino';
import type { Clock } from '../core/ports/clock';
import { CoalescedLoop } from './coalesced-loop';

const DAY_MS = 24 * 60 * 60_000;
const INTERVAL_MS = 6 * 60 * 60_000;

export interface Retention {
  name: string;
  days: number;
  /** Removes what is older than `before`; how many of each kind went. */
  removeBefore(before: number): Promise<Record<string, number>>;
  /** The log line when something went. */
  removedMessage: string;
}

export function retentionLoop(retention: Retention, clock: Clock, logger: Logger): CoalescedLoop {
  const { name, days } = retention;
  return new CoalescedLoop(
    async () => {
      const removed = await retention.removeBefore(clock.now() - days * DAY_MS);
      if (Object.values(removed).some((n) => n > 0)) logger.info({ ...removed, days }, retention.removedMessage);
    },
    { name, logger, intervalMs: INTERVAL_MS, idleUntilStarted: true },
  );
}
