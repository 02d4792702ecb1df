// Exporting a channel's configuration (channel-config-file.ts): read in one unit of work, references turned
// into names. The channel's secrets are never read into the file: the channel section is built field by
// field from publicChannel, which carries none.
import type { Merchant } from '../../core/model/merchant';
import type { SkillGroup } from '../../core/model/skill-group';
import type { WorkCalendar } from '../../core/model/work-calendar';
import { publicChannel } from '../../core/ports/channel-store';
import type { Transaction } from '../../core/ports/unit-of-work';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import {
  CHANNEL_CONFIG_FORMAT,
  CHANNEL_CONFIG_VERSION,
  settingsToFile,
  type ChannelConfigFile,
  type ConfigChannel,
  type LevelNames,
} from './channel-config-file';
import { channelInReach } from './reach';

interface Level {
  merchant: Merchant | undefined;
  groups: SkillGroup[];
  calendars: WorkCalendar[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

async function readLevels(tx: Transaction, channelId: string): Promise<Level[]> {
  const merchants = (await tx.merchants.listByChannel(channelId)).sort((a, b) => a.code.localeCompare(b.code));
  return Promise.all(
    [undefined, ...merchants].map(async (merchant) => ({
      merchant,
      groups: (await tx.groups.listByMerchant(channelId, merchant?.id)).sort(byName),
      calendars: (await tx.calendars.listByMerchant(channelId, merchant?.id)).sort(byName),
    })),
  );
}

const namesOf = (level: Level): LevelNames => ({
  groups: new Map(level.groups.map((g) => [g.id, g.name])),
  calendars: new Map(level.calendars.map((c) => [c.id, c.name])),
});

function channelSection(channel: Parameters<typeof publicChannel>[0]): ConfigChannel {
  const c = publicChannel(channel);
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    appId: c.appId,
    originalId: c.originalId,
    mode: c.mode,
    format: c.format,
    tokenSource: c.tokenSource,
    agentsSeeUnionId: c.agentsSeeUnionId,
    replayWindowSeconds: c.replayWindowSeconds,
    graceSeconds: c.graceSeconds,
  };
}

/** The whole configuration of one channel, platform admins only (the route and the CLI's operator). */
export async function exportChannelConfig(deps: AdminDeps, p: Principal, channelId: string): Promise<ChannelConfigFile> {
  const channel = await channelInReach(deps, p, channelId);
  return deps.uow.run(async (tx) => {
    const levels = await readLevels(tx, channelId);
    const file: ChannelConfigFile = {
      format: CHANNEL_CONFIG_FORMAT,
      version: CHANNEL_CONFIG_VERSION,
      exportedAt: new Date(deps.clock.now()).toISOString(),
      channel: channelSection(channel),
      settings: {},
      merchants: [],
      calendars: [],
      groups: [],
    };
    for (const level of levels) {
      const names = namesOf(level);
      const code = level.merchant?.code ?? null;
      const stored = await tx.settings.get(channelId, level.merchant?.id);
      if (level.merchant) {
        const settings = settingsToFile(stored, names);
        file.merchants.push({ code: level.merchant.code, name: level.merchant.name, ...(stored && { settings }) });
      } else file.settings = settingsToFile(stored, names);
      for (const { id: _id, channelId: _c, merchantId: _m, ...fields } of level.calendars)
        file.calendars.push({ merchant: code, ...fields });
      for (const g of level.groups) {
        const calendar = g.calendarId === undefined ? null : (names.calendars.get(g.calendarId) ?? null);
        file.groups.push({ merchant: code, name: g.name, calendar, ...(g.settings && { settings: settingsToFile(g.settings, names) }) });
      }
    }
    return file;
  });
}
