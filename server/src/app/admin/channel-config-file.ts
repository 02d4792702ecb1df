// The channel configuration file: everything that decides how a channel behaves (routing and timer settings,
// the robot's reception mode, work calendars, notices, skill groups, merchants) as one versioned JSON
// document that another server can import. It never holds a secret (no AppSecret, Token, EncodingAESKey
// or UnionID key) and no record id: records refer to each other by name, merchants by customerCode, so
// the file means the same on a server whose ids differ.
import type { RoutingSettingsPatch } from '../../core/model/routing-settings';
import type { WorkCalendar } from '../../core/model/work-calendar';
import type { ChannelRecord } from '../../core/ports/channel-store';

export const CHANNEL_CONFIG_FORMAT = 'kefu.channel-config';
export const CHANNEL_CONFIG_VERSION = 1;

/** Settings with their references by name: a group or calendar of the same level (platform or merchant). */
export type ConfigSettings = Omit<RoutingSettingsPatch, 'defaultGroupId' | 'calendarId'> & {
  defaultGroup?: string | undefined;
  calendar?: string | undefined;
};

/** The channel's own behaviour; its identity (AppID, kind, mode, format) is for the reader and never imported. */
export interface ConfigChannel {
  id: string;
  name: string;
  kind: ChannelRecord['kind'];
  appId: string;
  originalId: string;
  mode: ChannelRecord['mode'];
  format: ChannelRecord['format'];
  tokenSource: ChannelRecord['tokenSource'];
  agentsSeeUnionId: boolean;
  replayWindowSeconds: number | null;
  graceSeconds: number | null;
}

export interface ConfigMerchant {
  code: string;
  name: string;
  settings?: ConfigSettings | undefined;
}

/** `merchant`: the merchant's customerCode; null: the platform's own. */
export type ConfigCalendar = Omit<WorkCalendar, 'id' | 'channelId' | 'merchantId'> & { merchant: string | null };

export interface ConfigGroup {
  merchant: string | null;
  name: string;
  calendar: string | null;
  settings?: ConfigSettings | undefined;
}

export interface ChannelConfigFile {
  format: typeof CHANNEL_CONFIG_FORMAT;
  version: typeof CHANNEL_CONFIG_VERSION;
  exportedAt: string;
  channel: ConfigChannel;
  settings: ConfigSettings;
  merchants: ConfigMerchant[];
  calendars: ConfigCalendar[];
  groups: ConfigGroup[];
}

/** What an import did: per kind, the names created and the names updated in place. */
export interface ChannelConfigImport {
  channelId: string;
  merchants: { created: string[]; updated: string[] };
  calendars: { created: string[]; updated: string[] };
  groups: { created: string[]; updated: string[] };
}

/** Id ↔ name of one level's groups and calendars. */
export interface LevelNames {
  groups: Map<string, string>;
  calendars: Map<string, string>;
}

/** Ids → names for the file (a reference to a record that is gone is dropped: it would not route either). */
export function settingsToFile(s: RoutingSettingsPatch | undefined, names: LevelNames): ConfigSettings {
  const { defaultGroupId, calendarId, ...rest } = s ?? {};
  const defaultGroup = defaultGroupId === undefined ? undefined : names.groups.get(defaultGroupId);
  const calendar = calendarId === undefined ? undefined : names.calendars.get(calendarId);
  return { ...rest, ...(defaultGroup !== undefined && { defaultGroup }), ...(calendar !== undefined && { calendar }) };
}

/** Names → ids on the target; `where` names the level in the error when a name is not in the file. */
export function settingsFromFile(
  s: ConfigSettings | undefined,
  ids: LevelNames,
  where: string,
  refuse: (message: string) => Error,
): RoutingSettingsPatch {
  const { defaultGroup, calendar, ...rest } = s ?? {};
  const lookUp = (map: Map<string, string>, name: string | undefined, kind: string): string | undefined => {
    if (name === undefined) return undefined;
    const id = map.get(name);
    if (id === undefined) throw refuse(`${where}: the ${kind} "${name}" is neither in the file nor on this server`);
    return id;
  };
  const defaultGroupId = lookUp(ids.groups, defaultGroup, 'skill group');
  const calendarId = lookUp(ids.calendars, calendar, 'calendar');
  return { ...rest, ...(defaultGroupId !== undefined && { defaultGroupId }), ...(calendarId !== undefined && { calendarId }) };
}
