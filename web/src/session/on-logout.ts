// What the page keeps outside React (caches of customers, reply drafts) belongs to the login that
// filled it: each such module registers how to forget it, and the session forgets it all when the login
// ends (logging out, an expired session, the live channel's session_ended), so the next user starts fresh.
type Forget = () => void;
const forgetters = new Set<Forget>();

/** Registers `forget` to run whenever the login ends; answers a function that unregisters it. */
export function onLogout(forget: Forget): () => void {
  forgetters.add(forget);
  return () => void forgetters.delete(forget);
}

/** Runs every registered `forget`: called by the session when the login ends. */
export function forgetLogin(): void {
  for (const forget of forgetters) forget();
}
