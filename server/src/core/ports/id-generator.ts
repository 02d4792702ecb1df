// Port: new identifiers. Injected so tests get predictable ids and storage may choose the scheme.

export type IdKind = 'customer' | 'conversation' | 'message' | 'outbox';

export interface IdGenerator {
  /**
   * A new id, unique across every kind; `kind` lets an implementation prefix or partition. Ids must
   * sort (as strings) in the order they were made, like ULID or UUIDv7: the queue breaks ties between
   * conversations queued in the same millisecond by id, so first come stays first served.
   */
  next(kind: IdKind): string;
}
