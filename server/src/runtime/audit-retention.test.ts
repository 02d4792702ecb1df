import pino from 'pino';
import type { AuditEntry } from '../core/ports/audit-log';
import { InMemoryAuditLog } from '../storage/testing/in-memory-audit-log';
import { auditRetention } from './audit-retention';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 11, 7);
const entry = (id: string, daysAgo: number): AuditEntry => ({
  id,
  at: NOW - daysAgo * DAY,
  actor: { kind: 'operator', name: 'command line', role: 'platform_admin' },
  action: 'group.change',
  targetType: 'group',
  targetId: 'grp_1',
});

it('removes the entries older than the retention period at start, two years unless configured', async () => {
  const log = new InMemoryAuditLog();
  for (const [id, days] of [
    ['aud_1', 800],
    ['aud_2', 729],
    ['aud_3', 40],
    ['aud_4', 1],
  ] as const)
    await log.append(entry(id, days));
  const twoYears = auditRetention(log, { now: () => NOW }, pino({ level: 'silent' }));
  twoYears.start();
  await twoYears.stop();
  expect((await log.list({ limit: 10 })).map((e) => e.id)).toEqual(['aud_4', 'aud_3', 'aud_2']);

  const thirtyDays = auditRetention(log, { now: () => NOW }, pino({ level: 'silent' }), 30);
  thirtyDays.start();
  await thirtyDays.stop();
  expect((await log.list({ limit: 10 })).map((e) => e.id)).toEqual(['aud_4']);
});
