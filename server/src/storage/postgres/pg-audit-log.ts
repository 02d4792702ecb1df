// PostgreSQL adapter of the audit log: PgAuditWriter inside a unit of work (the unit's connection, so the
// entry commits or rolls back with the change), PgAuditLog over the pool for everything else.
import type { AuditEntry, AuditLog, AuditQuery, AuditWriter } from '../../core/ports/audit-log';
import { AUDIT_INSERT_COLUMNS, auditEntryOf, auditSelect, auditValues, type AuditRow } from '../audit-rows';
import type { Queryable } from './pool';

const INSERT = `INSERT INTO audit_log (${AUDIT_INSERT_COLUMNS}) VALUES (${Array.from({ length: 13 }, (_, i) => `$${i + 1}`).join(', ')})`;

export class PgAuditWriter implements AuditWriter {
  constructor(private readonly db: Queryable) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.query(INSERT, auditValues(entry));
  }
}

export class PgAuditLog extends PgAuditWriter implements AuditLog {
  constructor(private readonly pool: Queryable) {
    super(pool);
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const { sql, values } = auditSelect(query, (n) => `$${n}`);
    return (await this.pool.query<AuditRow>(sql, values)).rows.map(auditEntryOf);
  }

  async removeOlderThan(at: number): Promise<number> {
    return (await this.pool.query('DELETE FROM audit_log WHERE at < $1', [at])).rowCount ?? 0;
  }
}
