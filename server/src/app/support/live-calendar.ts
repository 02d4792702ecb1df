// Which calendar applies: the first of the candidates (a group's own, then the settings') that exists and
// is not archived. An archived calendar no longer applies; with none left there is no calendar at all,
// which means always work time (see app/admin/archive.ts).
import type { WorkCalendar } from '../../core/model/work-calendar';
import type { CalendarRepository } from '../../core/ports/repositories';

export async function liveCalendar(
  calendars: CalendarRepository,
  candidates: ReadonlyArray<string | undefined>,
): Promise<WorkCalendar | undefined> {
  for (const id of candidates) {
    const calendar = id === undefined ? undefined : await calendars.get(id);
    if (calendar && calendar.archivedAt === undefined) return calendar;
  }
  return undefined;
}
