// Port: timers fire once across processes sharing the database. Conversation timers are not stored; each
// process's scheduler works out which are due. Before one fires, the unit firing it claims the
// conversation: a claim another process's unit holds now (it is firing that timer, or acting on the
// conversation) is not waited for; this process leaves the timer, and its next tick sees it fired or
// still due. Absent in a single process, whose units run one at a time already.
export interface TimerClaims {
  /** Inside the unit that fires `conversationId`'s timer; the claim ends with the unit. False: leave it. */
  claim(conversationId: string): Promise<boolean>;
}
