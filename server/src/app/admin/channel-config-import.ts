// Importing a channel configuration file (channel-config-file.ts) into an existing channel of this server.
// Records are matched by what the file names them by: merchants by customerCode, calendars and skill
// groups by name within their merchant (or the platform's own team). A match is updated in place and keeps
// its id (agents in the group stay members); anything else is created with a new id; nothing is deleted.
// Everything is checked and written in one unit of work: a bad file changes nothing. The channel's secrets
// are the target's own; of the channel itself only its behaviour (UnionID visibility, replay window, grace
// period) is taken, never its identity (AppID, kind, encryption mode, format).
import { recordChange } from '../support/audit';
import type { Merchant } from '../../core/model/merchant';
import type { RoutingSettingsPatch } from '../../core/model/routing-settings';
import type { Transaction } from '../../core/ports/unit-of-work';
import type { Principal } from '../auth/principal';
import { badRequest } from '../errors';
import type { AdminDeps } from './admin-deps';
import {
  settingsFromFile,
  type ChannelConfigFile,
  type ChannelConfigImport,
  type ConfigSettings,
  type LevelNames,
} from './channel-config-file';
import { changeChannel } from './channels';
import { channelInReach } from './reach';

type Report = { created: string[]; updated: string[] };

const invalid = (message: string) => badRequest(`invalid configuration file: ${message}`, 'invalid_config_file');

/** Names that must be unique in the file: merchant codes, and calendar and group names per merchant. */
function mustBeUnique(file: ChannelConfigFile): void {
  const once = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) throw invalid(`${what} ${key} appears twice`);
      seen.add(key);
    }
  };
  once(
    'merchant',
    file.merchants.map((m) => m.code),
  );
  once(
    'calendar',
    file.calendars.map((c) => `"${c.name}" of ${c.merchant ?? 'the platform'}`),
  );
  once(
    'skill group',
    file.groups.map((g) => `"${g.name}" of ${g.merchant ?? 'the platform'}`),
  );
  const codes = new Set(file.merchants.map((m) => m.code));
  for (const r of [...file.calendars, ...file.groups])
    if (r.merchant !== null && !codes.has(r.merchant))
      throw invalid(`"${r.name}" belongs to merchant ${r.merchant}, which is not in the file`);
}

class Importer {
  readonly report: ChannelConfigImport;
  /** customerCode (null: the platform) → the target's merchant id. */
  private readonly merchants = new Map<string | null, string | undefined>([[null, undefined]]);
  /** Per merchant code: the level's names → ids (the target's existing records, then the file's). */
  private readonly levels = new Map<string | null, LevelNames>();

  constructor(
    private readonly deps: AdminDeps,
    private readonly tx: Transaction,
    private readonly channelId: string,
  ) {
    const empty = (): Report => ({ created: [], updated: [] });
    this.report = { channelId, merchants: empty(), calendars: empty(), groups: empty() };
  }

  async merchant(code: string, name: string): Promise<void> {
    const existing = await this.tx.merchants.findByCode(this.channelId, code);
    const record: Merchant = existing ? { ...existing, name } : { id: this.deps.ids.next('mer'), channelId: this.channelId, code, name };
    await this.tx.merchants.save(record);
    (existing ? this.report.merchants.updated : this.report.merchants.created).push(code);
    this.merchants.set(code, record.id);
  }

  /** The level's names → ids as the target holds them now (the first of two records with one name). */
  async level(code: string | null): Promise<LevelNames> {
    const known = this.levels.get(code);
    if (known) return known;
    const merchantId = this.merchants.get(code);
    const names: LevelNames = { groups: new Map(), calendars: new Map() };
    for (const g of await this.tx.groups.listByMerchant(this.channelId, merchantId))
      if (!names.groups.has(g.name)) names.groups.set(g.name, g.id);
    for (const c of await this.tx.calendars.listByMerchant(this.channelId, merchantId))
      if (!names.calendars.has(c.name)) names.calendars.set(c.name, c.id);
    this.levels.set(code, names);
    return names;
  }

  async calendars(file: ChannelConfigFile): Promise<void> {
    for (const { merchant, ...fields } of file.calendars) {
      const names = await this.level(merchant);
      const existing = names.calendars.get(fields.name);
      const id = existing ?? this.deps.ids.next('cal');
      const merchantId = this.merchants.get(merchant);
      await this.tx.calendars.save({ id, channelId: this.channelId, ...(merchantId !== undefined && { merchantId }), ...fields });
      names.calendars.set(fields.name, id);
      (existing ? this.report.calendars.updated : this.report.calendars.created).push(fields.name);
    }
  }

  /** Two passes: every group gets its id first, so a group's settings may name a group later in the file. */
  async groups(file: ChannelConfigFile): Promise<void> {
    const ids: string[] = [];
    for (const g of file.groups) {
      const names = await this.level(g.merchant);
      const existing = names.groups.get(g.name);
      ids.push(existing ?? this.deps.ids.next('grp'));
      names.groups.set(g.name, ids.at(-1) as string);
      (existing ? this.report.groups.updated : this.report.groups.created).push(g.name);
    }
    for (const [i, g] of file.groups.entries()) {
      const names = await this.level(g.merchant);
      const merchantId = this.merchants.get(g.merchant);
      const calendarId = g.calendar === null ? undefined : names.calendars.get(g.calendar);
      if (g.calendar !== null && calendarId === undefined)
        throw invalid(`skill group "${g.name}": the calendar "${g.calendar}" is neither in the file nor on this server`);
      // Whatever else the target keeps on the group stays; the file decides its name, calendar and settings.
      const { calendarId: _c, settings: _s, ...kept } = (await this.tx.groups.get(ids[i] as string)) ?? {};
      const settings = g.settings && this.settings(g.settings, names, `skill group "${g.name}"`);
      await this.tx.groups.save({
        ...kept,
        id: ids[i] as string,
        channelId: this.channelId,
        ...(merchantId !== undefined && { merchantId }),
        name: g.name,
        ...(calendarId !== undefined && { calendarId }),
        ...(settings && { settings }),
      });
    }
  }

  settings(s: ConfigSettings, names: LevelNames, where: string): RoutingSettingsPatch {
    return settingsFromFile(s, names, where, invalid);
  }

  async levelSettings(code: string | null, s: ConfigSettings): Promise<void> {
    const where = code === null ? 'the channel’s settings' : `merchant ${code}’s settings`;
    await this.tx.settings.save(this.channelId, this.merchants.get(code), this.settings(s, await this.level(code), where));
  }
}

/** Platform admins only (the route and the CLI's operator): merchants and the platform's team at once. */
export async function importChannelConfig(
  deps: AdminDeps,
  p: Principal,
  channelId: string,
  file: ChannelConfigFile,
): Promise<ChannelConfigImport> {
  await channelInReach(deps, p, channelId);
  mustBeUnique(file);
  const report = await deps.uow.run(async (tx) => {
    const importer = new Importer(deps, tx, channelId);
    for (const m of file.merchants) await importer.merchant(m.code, m.name);
    await importer.calendars(file);
    await importer.groups(file);
    await importer.levelSettings(null, file.settings);
    for (const m of file.merchants) if (m.settings) await importer.levelSettings(m.code, m.settings);
    const after = { file, report: importer.report };
    await recordChange(
      deps,
      p,
      { action: 'channel.import_configuration', targetType: 'channel', targetId: channelId, channelId, after },
      tx,
    );
    return importer.report;
  });
  const c = file.channel;
  await changeChannel(deps, p, channelId, {
    agentsSeeUnionId: c.agentsSeeUnionId,
    replayWindowSeconds: c.replayWindowSeconds,
    graceSeconds: c.graceSeconds,
  });
  return report;
}
