// The audit log's retention: entries older than the retention period (KEFU_AUDIT_RETENTION_DAYS, default
// two years) are removed once at start and every six hours after.
import type { Logger } from 'pino';
import { DEFAULT_AUDIT_RETENTION_DAYS, type AuditLog } from '../core/ports/audit-log';
import type { Clock } from '../core/ports/clock';
import { CoalescedLoop } from './coalesced-loop';

const DAY_MS = 24 * 60 * 60_000;
const INTERVAL_MS = 6 * 60 * 60_000;

export function auditRetention(audit: AuditLog, clock: Clock, logger: Logger, days = DEFAULT_AUDIT_RETENTION_DAYS): CoalescedLoop {
  return new CoalescedLoop(
    async () => {
      const removed = await audit.removeOlderThan(clock.now() - days * DAY_MS);
      if (removed > 0) logger.info({ removed, days }, 'audit log entries past retention removed');
    },
    { name: 'audit retention', logger, intervalMs: INTERVAL_MS, idleUntilStarted: true },
  );
}
