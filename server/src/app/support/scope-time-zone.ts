// The time zone a report scope's days are counted in: the zone of the work calendar its routing settings
// name (a merchant's own, else the channel's), else the server's. The dashboard's "today" and the range
// reports' days both come from here.
import type { ReportScope } from '../../core/ports/reports';
import type { Transaction } from '../../core/ports/unit-of-work';
import { lookUpSettings } from './settings-lookup';

export async function scopeTimeZone(
  tx: Pick<Transaction, 'settings' | 'calendars'>,
  scope: ReportScope,
  defaultTimeZone: string,
): Promise<string> {
  const { calendarId } = await lookUpSettings(tx.settings, scope.channelId, scope.merchant?.merchantId);
  const calendar = calendarId === undefined ? undefined : await tx.calendars.get(calendarId);
  return calendar?.timeZone ?? defaultTimeZone;
}
