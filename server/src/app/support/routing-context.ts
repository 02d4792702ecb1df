// Loads what routing needs for one merchant: its resolved settings, its agents with their loads, its
// groups (with their own settings and calendars) and its queue.
import type { Conversation } from '../../core/model/conversation';
import type { RoutingSettings } from '../../core/model/routing-settings';
import { queueLengths } from '../../core/routing/queue';
import type { GroupView, RoutingView } from '../../core/routing/routing-view';
import { isWorkTime } from '../../core/work-time/work-time';
import type { Work } from './work';
import { liveCalendar } from './live-calendar';
import { applicableSettings, lookUpSettings, settingsLevels } from './settings-lookup';

export interface RoutingContext {
  settings: RoutingSettings;
  view: RoutingView;
  queued: Conversation[];
  /** The settings for a conversation: its group's when it has one. */
  settingsFor(groupId: string | undefined): RoutingSettings;
}

/** Channel level, then the merchant's overrides (a merchant inherits the channel's defaults). */
export async function loadSettings(w: Work, channelId: string, merchantId: string | undefined): Promise<RoutingSettings> {
  return lookUpSettings(w.tx.settings, channelId, merchantId);
}

/** The settings that govern one conversation: its group's overrides on top of its merchant's. */
export async function loadConversationSettings(w: Work, c: Conversation): Promise<RoutingSettings> {
  const levels = await settingsLevels(w.tx.settings, c.channelId, c.merchantId);
  const group = c.groupId === undefined ? undefined : await w.tx.groups.get(c.groupId);
  return applicableSettings(levels, group?.settings);
}

export async function loadRouting(w: Work, channelId: string, merchantId: string | undefined): Promise<RoutingContext> {
  const levels = await settingsLevels(w.tx.settings, channelId, merchantId);
  const settings = applicableSettings(levels);
  // Archived agents and groups are out of routing (app/admin/archive.ts): never assigned, never a target.
  const agents = (await w.tx.agents.listByMerchant(channelId, merchantId)).filter((a) => a.archivedAt === undefined);
  const loads = await w.tx.conversations.countAssigned(agents.map((a) => a.id));
  const groups = (await w.tx.groups.listByMerchant(channelId, merchantId)).filter((g) => g.archivedAt === undefined);
  const onDuty = async (...calendarIds: Array<string | undefined>) => isWorkTime(await liveCalendar(w.tx.calendars, calendarIds), w.now);
  const groupSettings = new Map(groups.map((g) => [g.id, applicableSettings(levels, g.settings)]));
  const groupViews = new Map<string, GroupView>();
  for (const g of groups) {
    const s = groupSettings.get(g.id) ?? settings;
    groupViews.set(g.id, {
      id: g.id,
      onDuty: await onDuty(g.calendarId, s.calendarId),
      assignment: s.assignment,
      maxQueueLength: s.maxQueueLength,
    });
  }
  const queued = await w.tx.conversations.listQueued(channelId, merchantId);
  const view: RoutingView = {
    agents: agents.map((agent) => ({ agent, load: loads.get(agent.id) ?? 0 })),
    groups: groupViews,
    poolOnDuty: await onDuty(settings.calendarId),
    assignment: settings.assignment,
    maxQueueLength: settings.maxQueueLength,
    queueLengths: queueLengths(queued),
  };
  return { settings, view, queued, settingsFor: (groupId) => (groupId && groupSettings.get(groupId)) || settings };
}
