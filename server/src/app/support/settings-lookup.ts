// Which settings apply to a conversation: the channel's defaults, then its merchant's overrides (a
// merchant inherits the channel's), then its group's. The one lookup routing, the stories and the
// dashboard use; the merging rule itself is core's (resolveSettings).
import { resolveSettings } from '../../core/model/default-settings';
import type { RoutingSettings, RoutingSettingsPatch } from '../../core/model/routing-settings';
import type { SettingsRepository } from '../../core/ports/repositories';

/** The stored levels that apply under `merchantId`, channel first; undefined: the platform team (the channel's alone). */
export async function settingsLevels(
  settings: SettingsRepository,
  channelId: string,
  merchantId: string | undefined,
): Promise<Array<RoutingSettingsPatch | undefined>> {
  const channel = await settings.get(channelId, undefined);
  return merchantId === undefined ? [channel] : [channel, await settings.get(channelId, merchantId)];
}

/** The settings that apply under `merchantId`, with a group's own settings on top when given. */
export async function lookUpSettings(
  settings: SettingsRepository,
  channelId: string,
  merchantId: string | undefined,
  group?: RoutingSettingsPatch,
): Promise<RoutingSettings> {
  return applicableSettings(await settingsLevels(settings, channelId, merchantId), group);
}

/** The same, from levels already read (routing resolves every group of a merchant from one read). */
export function applicableSettings(levels: ReadonlyArray<RoutingSettingsPatch | undefined>, group?: RoutingSettingsPatch): RoutingSettings {
  return group === undefined ? resolveSettings(...levels) : resolveSettings(...levels, group);
}
