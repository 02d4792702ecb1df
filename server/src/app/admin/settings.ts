// Routing and timer settings at the channel level (platform admins) and the merchant level (the
// merchant's admins too). Each level stores a patch; the answer also shows what applies there.
import type { RoutingSettings, RoutingSettingsPatch } from '../../core/model/routing-settings';
import type { Principal, Scoped } from '../auth/principal';
import { applicableSettings, settingsLevels } from '../support/settings-lookup';
import type { AdminDeps } from './admin-deps';
import { recordChange } from '../support/audit';
import { channelInReach, mustShareScope, recordInReach } from './reach';

export interface SettingsAnswer {
  stored: RoutingSettingsPatch;
  effective: RoutingSettings;
}

async function answer(deps: AdminDeps, at: Scoped): Promise<SettingsAnswer> {
  return deps.uow.run(async (tx) => {
    const levels = await settingsLevels(tx.settings, at.channelId, at.merchantId);
    return { stored: levels.at(-1) ?? {}, effective: applicableSettings(levels) };
  });
}

async function save(deps: AdminDeps, p: Principal, at: Scoped, patch: RoutingSettingsPatch): Promise<SettingsAnswer> {
  // Referenced groups and calendars must be of this level's merchant (or the platform's for the channel level).
  await mustShareScope(deps, at, { groupIds: patch.defaultGroupId ? [patch.defaultGroupId] : [], calendarIds: [patch.calendarId] });
  await deps.uow.run(async (tx) => {
    const before = (await tx.settings.get(at.channelId, at.merchantId)) ?? {};
    await tx.settings.save(at.channelId, at.merchantId, patch);
    const targetId = at.merchantId ?? at.channelId;
    await recordChange(deps, p, { action: 'settings.replace', targetType: 'settings', targetId, ...at, before, after: patch }, tx);
  });
  return answer(deps, at);
}

export async function channelSettings(deps: AdminDeps, p: Principal, channelId: string): Promise<SettingsAnswer> {
  await channelInReach(deps, p, channelId);
  return answer(deps, { channelId });
}

export async function replaceChannelSettings(
  deps: AdminDeps,
  p: Principal,
  channelId: string,
  patch: RoutingSettingsPatch,
): Promise<SettingsAnswer> {
  await channelInReach(deps, p, channelId);
  return save(deps, p, { channelId }, patch);
}

export async function merchantSettings(deps: AdminDeps, p: Principal, merchantId: string): Promise<SettingsAnswer> {
  const m = await recordInReach(deps, p, 'merchants', merchantId);
  return answer(deps, { channelId: m.channelId, merchantId: m.id });
}

export async function replaceMerchantSettings(
  deps: AdminDeps,
  p: Principal,
  merchantId: string,
  patch: RoutingSettingsPatch,
): Promise<SettingsAnswer> {
  const m = await recordInReach(deps, p, 'merchants', merchantId);
  return save(deps, p, { channelId: m.channelId, merchantId: m.id }, patch);
}
