// The audit log's retention: entries older than the retention period (KEFU_AUDIT_RETENTION_DAYS, default
// two years) are removed once at start and every six hours after.
import type { Logger } from 'pino';
import { DEFAULT_AUDIT_RETENTION_DAYS, type AuditLog } from '../core/ports/audit-log';
import type { Clock } from '../core/ports/clock';
import type { CoalescedLoop } from './coalesced-loop';
import { retentionLoop } from './retention-loop';

export function auditRetention(audit: AuditLog, clock: Clock, logger: Logger, days = DEFAULT_AUDIT_RETENTION_DAYS): CoalescedLoop {
  return retentionLoop(
    {
      name: 'audit retention',
      days,
      removeBefore: async (before) => ({ removed: await audit.removeOlderThan(before) }),
      removedMessage: 'audit log entries past retention removed',
    },
    clock,
    logger,
  );
}
