// What still refers to an agent, a skill group, a calendar, a merchant or a channel: a delete is refused
// (409 in_use) while anything does, and the refusal names each kind with its count so the console can
// say it in the user's language. Archiving needs none of this: an archived record keeps its history.
import type { RoutingSettingsPatch } from '../../core/model/routing-settings';
import type { Transaction } from '../../core/ports/unit-of-work';
import type { AdminDeps } from './admin-deps';

export type ArchiveKind = 'agent' | 'group' | 'calendar' | 'merchant' | 'channel';

export const ARCHIVE_KINDS: readonly ArchiveKind[] = ['agent', 'group', 'calendar', 'merchant', 'channel'];

/** Each kind of dependent with how many there are; kinds with none are absent. */
export interface Dependents {
  conversations?: number;
  leftMessages?: number;
  messages?: number;
  members?: number;
  agents?: number;
  groups?: number;
  calendars?: number;
  merchants?: number;
  customers?: number;
  routingSettings?: number;
  logins?: number;
}

const nonZero = (counts: Dependents): Dependents =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => (n ?? 0) > 0)) as Dependents;

/** The channel's own settings and each merchant's overrides. */
async function settingsLevels(tx: Transaction, channelId: string): Promise<RoutingSettingsPatch[]> {
  const merchants = await tx.merchants.listByChannel(channelId);
  const levels = await Promise.all([undefined, ...merchants.map((m) => m.id)].map((m) => tx.settings.get(channelId, m)));
  return levels.filter((s): s is RoutingSettingsPatch => s !== undefined);
}

async function ofAgent(tx: Transaction, agentId: string): Promise<Dependents> {
  const { conversations, leftMessages } = await tx.references.conversationsOfAgent(agentId);
  return { conversations, leftMessages, messages: await tx.references.messagesOfAgent(agentId) };
}

async function ofGroup(tx: Transaction, groupId: string): Promise<Dependents> {
  const group = await tx.groups.get(groupId);
  if (!group) return {};
  const agents = await tx.agents.listByMerchant(group.channelId, group.merchantId);
  const { conversations, leftMessages } = await tx.references.conversationsOfGroup(groupId);
  const settings = await settingsLevels(tx, group.channelId);
  return {
    members: agents.filter((a) => a.groupIds.includes(groupId)).length,
    conversations,
    leftMessages,
    routingSettings: settings.filter((s) => s.defaultGroupId === groupId).length,
  };
}

async function ofCalendar(tx: Transaction, calendarId: string): Promise<Dependents> {
  const calendar = await tx.calendars.get(calendarId);
  if (!calendar) return {};
  const groups = await tx.groups.listByMerchant(calendar.channelId, calendar.merchantId);
  const settings = await settingsLevels(tx, calendar.channelId);
  return {
    groups: groups.filter((g) => g.calendarId === calendarId || g.settings?.calendarId === calendarId).length,
    routingSettings: settings.filter((s) => s.calendarId === calendarId).length,
  };
}

async function ofMerchant(deps: AdminDeps, tx: Transaction, merchantId: string): Promise<Dependents> {
  const merchant = await tx.merchants.get(merchantId);
  if (!merchant) return {};
  const { channelId } = merchant;
  const { conversations, leftMessages } = await tx.references.conversationsOfMerchant(channelId, merchantId);
  const accounts = await deps.auth.stores.accounts.list();
  return {
    agents: (await tx.agents.listByMerchant(channelId, merchantId)).length,
    groups: (await tx.groups.listByMerchant(channelId, merchantId)).length,
    calendars: (await tx.calendars.listByMerchant(channelId, merchantId)).length,
    conversations,
    leftMessages,
    logins: accounts.filter((a) => a.grant.role === 'merchant_admin' && a.grant.merchantId === merchantId).length,
  };
}

async function ofChannel(tx: Transaction, channelId: string): Promise<Dependents> {
  const { conversations, leftMessages } = await tx.references.conversationsOfChannel(channelId);
  const merchants = await tx.merchants.listByChannel(channelId);
  const teams = [undefined, ...merchants.map((m) => m.id)];
  const count = async (list: (m: string | undefined) => Promise<unknown[]>) =>
    (await Promise.all(teams.map(list))).reduce((n, l) => n + l.length, 0);
  return {
    merchants: merchants.length,
    agents: (await tx.agents.listByChannel(channelId)).length,
    groups: await count((m) => tx.groups.listByMerchant(channelId, m)),
    calendars: await count((m) => tx.calendars.listByMerchant(channelId, m)),
    customers: await tx.references.customersOfChannel(channelId),
    conversations,
    leftMessages,
  };
}

/** The dependents of a record known to exist (the caller looked it up and checked its reach). */
export async function countDependents(deps: AdminDeps, kind: ArchiveKind, id: string): Promise<Dependents> {
  return nonZero(
    await deps.uow.run((tx) => {
      if (kind === 'agent') return ofAgent(tx, id);
      if (kind === 'group') return ofGroup(tx, id);
      if (kind === 'calendar') return ofCalendar(tx, id);
      if (kind === 'merchant') return ofMerchant(deps, tx, id);
      return ofChannel(tx, id);
    }),
  );
}

/** "3 conversations, 1 left message": the refusal's English text (the console words its own from the counts). */
export function describeDependents(d: Dependents): string {
  const words: Record<keyof Dependents, string> = {
    conversations: 'conversation',
    leftMessages: 'left message',
    messages: 'message',
    members: 'member',
    agents: 'agent',
    groups: 'skill group',
    calendars: 'calendar',
    merchants: 'merchant',
    customers: 'customer',
    routingSettings: 'routing setting',
    logins: 'login',
  };
  return Object.entries(d)
    .map(([k, n]) => `${n} ${words[k as keyof Dependents]}${n === 1 ? '' : 's'}`)
    .join(', ');
}
