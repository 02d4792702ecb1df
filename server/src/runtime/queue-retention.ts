// The work queues' retention (core/ports/retention.ts): pushes of messages processed, and sends finished,
// more than KEFU_QUEUE_RETENTION_DAYS ago (default a week) are removed from the inbox and the outbox once at
// start and every six hours after. Each table is walked page by page, each page one short step of the
// database's queue, with a turn of the event loop in between: pushes and replies never wait for a backlog.
import type { Logger } from 'pino';
import type { Clock } from '../core/ports/clock';
import type { Inbox } from '../core/ports/inbox';
import type { OutboxStore } from '../core/ports/outbox-store';
import { DEFAULT_QUEUE_RETENTION_DAYS, type RetentionPage, type RetentionStep } from '../core/ports/retention';
import type { CoalescedLoop } from './coalesced-loop';
import { retentionLoop } from './retention-loop';
/** Rows looked at per step: a few milliseconds of the database, however large the backlog. */
export const RETENTION_PAGE = 500;

type Remove = (before: number, page: RetentionPage) => Promise<RetentionStep>;

/** Walks one table to its end (or its young rows): how many rows were removed. */
export async function removeInPages(remove: Remove, before: number, size = RETENTION_PAGE): Promise<number> {
  let removed = 0;
  let after: string | undefined;
  for (;;) {
    const step = await remove(before, after === undefined ? { size } : { after, size });
    removed += step.removed;
    if (step.next === undefined) return removed;
    after = step.next;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function queueRetention(
  queues: { inbox: Inbox; outbox: OutboxStore },
  clock: Clock,
  logger: Logger,
  days = DEFAULT_QUEUE_RETENTION_DAYS,
): CoalescedLoop {
  return retentionLoop(
    {
      name: 'queue retention',
      days,
      removeBefore: async (before) => ({
        pushes: await removeInPages((b, p) => queues.inbox.removeProcessed(b, p), before),
        sends: await removeInPages((b, p) => queues.outbox.removeFinished(b, p), before),
      }),
      removedMessage: 'processed pushes and finished sends past retention removed',
    },
    clock,
    logger,
  );
}
