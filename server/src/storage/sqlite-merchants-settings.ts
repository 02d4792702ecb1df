// SQLite adapters of MerchantRepository and SettingsRepository (both small, both keyed by channel).
import type { Database, Statement } from 'better-sqlite3';
import type { Merchant } from '../core/model/merchant';
import type { RoutingSettingsPatch } from '../core/model/routing-settings';
import type { MerchantRepository, SettingsRepository } from '../core/ports/repositories';
import { ConfigCache } from './config-cache';
import { keyOf } from './unit-cache';
import { merchantKey, parseJson, restAsJson } from './record-codec';
import { sqliteLookAgainAtTimers } from './timer-look-again';

interface MerchantRow {
  id: string;
  channel_id: string;
  code: string;
  data: string;
}

const MERCHANT_COLUMNS = ['id', 'channelId', 'code'] as const;

function merchantFromRow(row: MerchantRow | undefined): Merchant | undefined {
  if (!row) return undefined;
  return { id: row.id, channelId: row.channel_id, code: row.code, ...parseJson<Omit<Merchant, 'id' | 'channelId' | 'code'>>(row.data) };
}

export class SqliteMerchants implements MerchantRepository {
  private readonly byId: Statement<[string], MerchantRow>;
  private readonly byCode: Statement<[string, string], MerchantRow>;
  private readonly byChannel: Statement<[string], MerchantRow>;
  private readonly upsert: Statement<[MerchantRow]>;
  private readonly deleteById: Statement<[string]>;

  constructor(db: Database) {
    this.byId = db.prepare('SELECT * FROM merchants WHERE id = ?');
    this.byCode = db.prepare('SELECT * FROM merchants WHERE channel_id = ? AND code = ?');
    this.byChannel = db.prepare('SELECT * FROM merchants WHERE channel_id = ? ORDER BY id');
    this.deleteById = db.prepare('DELETE FROM merchants WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO merchants (id, channel_id, code, data) VALUES (@id, @channel_id, @code, @data)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, code = excluded.code, data = excluded.data`,
    );
  }

  async get(id: string): Promise<Merchant | undefined> {
    return merchantFromRow(this.byId.get(id));
  }

  async findByCode(channelId: string, code: string): Promise<Merchant | undefined> {
    return merchantFromRow(this.byCode.get(channelId, code));
  }

  async save(m: Merchant): Promise<void> {
    this.upsert.run({ id: m.id, channel_id: m.channelId, code: m.code, data: restAsJson(m, MERCHANT_COLUMNS) });
  }

  async remove(id: string): Promise<void> {
    this.deleteById.run(id);
  }

  async listByChannel(channelId: string): Promise<Merchant[]> {
    return this.byChannel.all(channelId).map((r) => merchantFromRow(r) as Merchant);
  }
}

export class SqliteSettings implements SettingsRepository {
  private readonly select: Statement<[string, string], { data: string }>;
  private readonly upsert: Statement<[string, string, string]>;
  private readonly lookAgain: (channelId: string, merchantId: string | undefined) => void;

  constructor(
    db: Database,
    private readonly cache = new ConfigCache(),
  ) {
    this.lookAgain = sqliteLookAgainAtTimers(db);
    this.select = db.prepare('SELECT data FROM routing_settings WHERE channel_id = ? AND merchant_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO routing_settings (channel_id, merchant_id, data) VALUES (?, ?, ?)
       ON CONFLICT (channel_id, merchant_id) DO UPDATE SET data = excluded.data`,
    );
  }

  async get(channelId: string, merchantId: string | undefined): Promise<RoutingSettingsPatch | undefined> {
    return this.cache.read('routing_settings', keyOf(channelId, merchantKey(merchantId)), () => {
      const row = this.select.get(channelId, merchantKey(merchantId));
      return row && parseJson<RoutingSettingsPatch>(row.data);
    });
  }

  async save(channelId: string, merchantId: string | undefined, settings: RoutingSettingsPatch): Promise<void> {
    this.upsert.run(channelId, merchantKey(merchantId), JSON.stringify(settings));
    this.lookAgain(channelId, merchantId); // the timers they set
    this.cache.wrote('routing_settings');
  }
}
