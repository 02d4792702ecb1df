// Port types: the retention of the work queues. The inbox keeps each push and the outbox each send after
// they are done, for operators; past the retention period (KEFU_QUEUE_RETENTION_DAYS) they are removed,
// so the database does not keep a second copy of every message for ever. What people read stays: the
// messages themselves with their delivery, and the customer's events (the push log reads them from the
// inbox). A table is walked in pages by its key, oldest first, each page one short step, so removing a
// large backlog never holds the database for long.

/** How long processed pushes and finished sends are kept, unless configured otherwise. */
export const DEFAULT_QUEUE_RETENTION_DAYS = 7;

/** One page of a retention walk: the `size` rows after the row with key `after` (undefined: the first). */
export interface RetentionPage {
  after?: string;
  size: number;
}

export interface RetentionStep {
  removed: number;
  /** The key of the page's last row, to walk on from; undefined when the walk is over (the rest is too young, or there is no more). */
  next?: string;
}
