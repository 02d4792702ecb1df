// SQLite adapter of the audit log. Two faces over one table: SqliteAuditWriter inside a unit of work (it
// holds the connection's queue, so a plain statement commits or rolls back with the change), and
// SqliteAuditLog for everything else, through the connection's serial queue (serial-lock.ts).
import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditLog, AuditQuery, AuditWriter } from '../core/ports/audit-log';
import { AUDIT_INSERT_COLUMNS, auditEntryOf, auditSelect, auditValues, type AuditRow } from './audit-rows';
import { serialFor, type SerialQueue } from './serial-lock';

const INSERT = `INSERT INTO audit_log (${AUDIT_INSERT_COLUMNS}) VALUES (${new Array(13).fill('?').join(', ')})`;

/** Inside a unit of work; prepared on first use, so a database migrated part of the way can still open units. */
export class SqliteAuditWriter implements AuditWriter {
  constructor(private readonly db: Database) {}

  async append(entry: AuditEntry): Promise<void> {
    this.db.prepare(INSERT).run(...auditValues(entry));
  }
}

export class SqliteAuditLog implements AuditLog {
  private readonly queue: SerialQueue;

  constructor(private readonly db: Database) {
    this.queue = serialFor(db);
  }

  append(entry: AuditEntry): Promise<void> {
    return this.queue.run(() => void this.db.prepare(INSERT).run(...auditValues(entry)));
  }

  list(query: AuditQuery): Promise<AuditEntry[]> {
    const { sql, values } = auditSelect(query, () => '?');
    return this.queue.run(() => (this.db.prepare(sql).all(...values) as AuditRow[]).map(auditEntryOf));
  }

  removeOlderThan(at: number): Promise<number> {
    return this.queue.run(() => this.db.prepare('DELETE FROM audit_log WHERE at < ?').run(at).changes);
  }
}
