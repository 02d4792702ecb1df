// Who holds an outbox claim: one id per sending process, naming its host and process id, so that a
// process starting on the same host can tell a predecessor that died mid-send (its process is gone) and
// resume its sends at once instead of waiting for their leases to run out. A claim of another host is
// never judged: that process may be alive, and only its lease tells.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function outboxOwnerId(): string {
  return `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;
}

/** Whether the process behind `owner` is certainly dead; `self` is this process's own id. */
export function isDeadOwner(owner: string, self: string): boolean {
  if (owner === self) return false;
  const [host, pidText] = owner.split('#');
  if (host !== hostname() || pidText === undefined || !/^\d+$/.test(pidText)) return false;
  const pid = Number(pidText);
  // Our own pid under another id: a previous run of this container or service (often pid 1), now gone.
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
