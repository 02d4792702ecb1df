// A skill group: agents who answer one kind of question, with its own calendar and overrides.
import type { RoutingSettingsPatch } from './routing-settings';

export interface SkillGroup {
  id: string;
  channelId: string;
  /** Undefined: the platform's own team. A group never holds agents of another merchant. */
  merchantId?: string;
  name: string;
  /** Off duty outside this calendar; without one the merchant's (or channel's) calendar applies. */
  calendarId?: string;
  /** Settings that differ for this group (queue length and timeout, assignment, timers). */
  settings?: RoutingSettingsPatch;
  /** When an admin archived the group: no conversation is routed to it any more, its history is kept. */
  archivedAt?: number;
}
