// Port: new identifiers. Injected so tests get predictable ids and storage may choose the scheme.

export type IdKind = 'customer' | 'conversation' | 'message' | 'outbox';

export interface IdGenerator {
  /** A new id, unique across every kind; `kind` lets an implementation prefix or partition. */
  next(kind: IdKind): string;
}
