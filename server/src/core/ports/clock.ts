// Port: the time. Core and use cases never read the system clock; tests pass a clock they move by hand.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}
