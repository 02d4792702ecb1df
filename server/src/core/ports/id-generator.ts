// Port: new identifiers, the only way ids are made. Injected so tests get predictable ids and storage may
// choose the scheme.

/** The engine's records: customers, conversations, messages and outbox items (bare ids). */
export type EngineIdKind = 'customer' | 'conversation' | 'message' | 'outbox';

/**
 * Records people manage carry a short readable prefix before the id (agt_…, tok_…): agents, merchants,
 * skill groups, calendars, API tokens, login accounts, knowledge-base media, quick replies, internal notes,
 * tags, webhook endpoints and events.
 */
export type RecordIdPrefix = 'agt' | 'mer' | 'grp' | 'cal' | 'tok' | 'acc' | 'kbm' | 'qkr' | 'note' | 'tag' | 'whk' | 'evt' | 'aud';

export type IdKind = EngineIdKind | RecordIdPrefix;

export interface IdGenerator {
  /**
   * A new id, unique across every kind; `kind` lets an implementation prefix or partition. Ids must
   * sort (as strings) in the order they were made, like ULID or UUIDv7: the queue breaks ties between
   * conversations queued in the same millisecond by id, so first come stays first served.
   */
  next(kind: IdKind): string;
}
