// Port: where the login throttle keeps its counts. In memory for one process; in the database when
// several nodes share it, so that guesses spread over the nodes still draw on one budget.

/** The count of one key ('user:<name>' or 'ip:<address>'). */
export interface AttemptEntry {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

/** What a change writes back (undefined: forget the key) and what it answers. */
export interface AttemptChange<T> {
  entries: (AttemptEntry | undefined)[];
  result: T;
}

export interface LoginAttemptStore {
  /**
   * Reads the entries of `keys` (undefined: none), and writes what `change` returns for them, with no other
   * change to these keys in between (across nodes, for a shared store). `change` must be pure: it may run again.
   */
  update<T>(keys: readonly string[], change: (entries: (AttemptEntry | undefined)[]) => AttemptChange<T>): Promise<T>;
}
