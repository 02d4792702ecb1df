// Work calendars: segments per workday and non-workday, holidays and make-up workdays, in a time zone.
import type { WorkCalendar } from '../../core/model/work-calendar';
import { merchantFilter, merchantForNew, mustAdminister } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { recordChange, recordOf } from '../support/audit';
import { channelInReach, mustBeMerchantOf, recordInReach } from './reach';

/** A calendar's times and dates: everything but its id and where it lives. */
export type CalendarFields = Omit<WorkCalendar, 'id' | 'channelId' | 'merchantId'>;

export async function listCalendars(deps: AdminDeps, p: Principal, channelId: string, merchantId?: string): Promise<WorkCalendar[]> {
  await channelInReach(deps, p, channelId);
  const filter = merchantFilter(p, channelId, merchantId);
  const merchants = filter
    ? [filter.merchantId]
    : [undefined, ...(await deps.uow.run((tx) => tx.merchants.listByChannel(channelId))).map((m) => m.id)];
  return deps.uow.run(async (tx) => (await Promise.all(merchants.map((m) => tx.calendars.listByMerchant(channelId, m)))).flat());
}

export async function createCalendar(
  deps: AdminDeps,
  p: Principal,
  channelId: string,
  input: CalendarFields & { merchantId?: string | undefined },
): Promise<WorkCalendar> {
  await channelInReach(deps, p, channelId);
  const merchantId = merchantForNew(p, channelId, input.merchantId);
  await mustBeMerchantOf(deps, channelId, merchantId);
  const { merchantId: _m, ...fields } = input;
  const record: WorkCalendar = { id: deps.ids.next('cal'), channelId, ...(merchantId !== undefined && { merchantId }), ...fields };
  await deps.uow.run(async (tx) => {
    await tx.calendars.save(record);
    await recordChange(deps, p, recordOf('calendar', 'create', undefined, record), tx);
  });
  return record;
}

export const readCalendar = (deps: AdminDeps, p: Principal, calendarId: string): Promise<WorkCalendar> =>
  recordInReach(deps, p, 'calendars', calendarId);

/** Replaces the calendar's times and dates. */
export async function replaceCalendar(deps: AdminDeps, p: Principal, calendarId: string, fields: CalendarFields): Promise<WorkCalendar> {
  const current = await recordInReach(deps, p, 'calendars', calendarId);
  mustAdminister(p, current, `calendar ${current.id}`);
  const next: WorkCalendar = {
    id: current.id,
    channelId: current.channelId,
    ...(current.merchantId !== undefined && { merchantId: current.merchantId }),
    ...fields,
  };
  await deps.uow.run(async (tx) => {
    await tx.calendars.save(next);
    await recordChange(deps, p, recordOf('calendar', 'change', current, next), tx);
  });
  return next;
}
