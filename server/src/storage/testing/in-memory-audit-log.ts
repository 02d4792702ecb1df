// The audit log in memory: the same rules as the SQLite and PostgreSQL adapters (all three pass
// audit-log-contract.ts). Its entries live in the given array, so an in-memory unit of work can keep
// them in its tables (and drop them with a unit that fails).
import type { AuditEntry, AuditLog, AuditQuery } from '../../core/ports/audit-log';

const newerFirst = (a: AuditEntry, b: AuditEntry) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function matches(e: AuditEntry, q: AuditQuery): boolean {
  if (q.channelId !== undefined && e.channelId !== q.channelId) return false;
  if (q.merchantId !== undefined && e.merchantId !== q.merchantId) return false;
  if (q.actorId !== undefined && (q.actorId === 'operator' ? e.actor.kind !== 'operator' : e.actor.id !== q.actorId)) return false;
  if (q.targetType !== undefined && e.targetType !== q.targetType) return false;
  if (q.action !== undefined && e.action !== q.action) return false;
  if (q.from !== undefined && e.at < q.from) return false;
  if (q.to !== undefined && e.at > q.to) return false;
  const b = q.before;
  return b === undefined || e.at < b.at || (e.at === b.at && e.id < b.id);
}

export class InMemoryAuditLog implements AuditLog {
  /** `entries`: where they are kept; default a list of its own. */
  constructor(
    private readonly entries: () => AuditEntry[] = (
      (own: AuditEntry[]) => () =>
        own
    )([]),
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    this.entries().push(structuredClone(entry));
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    return structuredClone(
      this.entries()
        .filter((e) => matches(e, query))
        .sort(newerFirst)
        .slice(0, query.limit),
    );
  }

  async removeOlderThan(at: number): Promise<number> {
    const all = this.entries();
    const kept = all.filter((e) => e.at >= at);
    const removed = all.length - kept.length;
    all.splice(0, all.length, ...kept);
    return removed;
  }
}
