// Port: the audit log, who changed what. Every change an admin, a supervisor or the operator makes to
// the settings and records people manage is appended here with its before and after values (secrets
// already removed, core/audit/redact.ts). Entries are never changed; only retention removes them.
import type { Role } from './auth';

/** Who made a change: a login account, an API token, or the command line (the operator). */
export interface AuditActor {
  kind: 'account' | 'token' | 'operator';
  /** The account's or token's id; absent for the operator. */
  id?: string;
  /** The username or the token's name, as it was when the change was made; "command line" for the operator. */
  name: string;
  role: Role;
}

export interface AuditEntry {
  id: string;
  /** Epoch milliseconds, the server's clock. */
  at: number;
  actor: AuditActor;
  /** `<targetType>.<verb>`: 'group.change', 'channel.create', 'token.revoke'. */
  action: string;
  /** 'channel', 'group', 'settings', 'knowledge_entry'… */
  targetType: string;
  targetId: string;
  channelId?: string;
  merchantId?: string;
  /** The target before and after the change (JSON values, secrets removed); absent on a create or a delete. */
  before?: unknown;
  after?: unknown;
}

export interface AuditQuery {
  channelId?: string;
  /** Present: only this merchant's entries (a merchant admin's or supervisor's scope). */
  merchantId?: string;
  /** The actor's id (account or token), or 'operator'. */
  actorId?: string;
  targetType?: string;
  action?: string;
  /** Inclusive bounds on `at`. */
  from?: number;
  to?: number;
  /** Paging: entries strictly older than this one (by at, then id). */
  before?: { at: number; id: string };
  /** Newest first; at most this many. */
  limit: number;
}

/** What a unit of work offers: an entry stored with the change it tells of, or with neither. */
export interface AuditWriter {
  append(entry: AuditEntry): Promise<void>;
}

export interface AuditLog extends AuditWriter {
  /** Newest first: by at, then id, both descending. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
  /** Retention: removes the entries older than `at`; answers how many. */
  removeOlderThan(at: number): Promise<number>;
}

/** How long entries are kept unless AUDIT_RETENTION_DAYS says otherwise: two years. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 730;
