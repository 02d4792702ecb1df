// Satisfaction (CSAT): a conversation's rating by its customer, and what the customer's record keeps
// while a rating (or the comment after it) is awaited.

export type CsatRating = 1 | 2 | 3 | 4 | 5;

export interface CsatRecord {
  /** When the request reached the outbox (a send the window allowed). */
  requestedAt: number;
  rating?: CsatRating;
  comment?: string;
  ratedAt?: number;
}

/** `rating`: the next reply that is a number 1-5 rates; `comment`: the next text is the rating's comment. */
export interface CsatAwaited {
  conversationId: string;
  stage: 'rating' | 'comment';
  until: number;
}
