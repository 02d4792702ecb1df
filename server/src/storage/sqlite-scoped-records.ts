// SQLite adapter shared by the three repositories whose records belong to one merchant of one channel
// and are listed by it: agents, skill groups and work calendars (same columns, same queries).
import type { Database, Statement } from 'better-sqlite3';
import type { Agent } from '../core/model/agent';
import type { SkillGroup } from '../core/model/skill-group';
import type { WorkCalendar } from '../core/model/work-calendar';
import type { AgentRepository, CalendarRepository, SkillGroupRepository } from '../core/ports/repositories';
import { ConfigCache, type ConfigTable } from './config-cache';
import { merchantKey, merchantOf, parseJson, restAsJson } from './record-codec';
import { keyOf } from './unit-cache';
import { sqliteLookAgainAtTimers } from './timer-look-again';

interface ScopedRecord {
  id: string;
  channelId: string;
  merchantId?: string;
}

interface Row {
  id: string;
  channel_id: string;
  merchant_id: string;
  data: string;
}

const COLUMNS = ['id', 'channelId', 'merchantId'] as const;

type ScopedTable = Exclude<ConfigTable, 'routing_settings'>;

class SqliteScopedRecords<T extends ScopedRecord> {
  private readonly byId: Statement<[string], Row>;
  private readonly byMerchant: Statement<[string, string], Row>;
  private readonly byChannel: Statement<[string], Row>;
  private readonly upsert: Statement<[Row]>;
  private readonly deleteById: Statement<[string]>;

  /** Reads are kept across units in `cache` (config-cache.ts) while the unit of work has it open. */
  constructor(
    db: Database,
    private readonly table: ScopedTable,
    protected readonly cache = new ConfigCache(),
  ) {
    // `table` is one of three constants, never input.
    this.byId = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    this.byMerchant = db.prepare(`SELECT * FROM ${table} WHERE channel_id = ? AND merchant_id = ? ORDER BY id`);
    this.byChannel = db.prepare(`SELECT * FROM ${table} WHERE channel_id = ? ORDER BY id`);
    this.deleteById = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
    this.upsert = db.prepare(
      `INSERT INTO ${table} (id, channel_id, merchant_id, data) VALUES (@id, @channel_id, @merchant_id, @data)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id, data = excluded.data`,
    );
  }

  async get(id: string): Promise<T | undefined> {
    return this.cache.read(this.table, `id ${id}`, () => {
      const row = this.byId.get(id);
      return row && this.fromRow(row);
    });
  }

  async save(record: T): Promise<void> {
    this.upsert.run({
      id: record.id,
      channel_id: record.channelId,
      merchant_id: merchantKey(record.merchantId),
      data: restAsJson(record, COLUMNS),
    });
    this.cache.wrote(this.table);
  }

  async remove(id: string): Promise<void> {
    this.deleteById.run(id);
    this.cache.wrote(this.table);
  }

  async listByMerchant(channelId: string, merchantId: string | undefined): Promise<T[]> {
    return this.keptList(`merchant ${keyOf(channelId, merchantKey(merchantId))}`, () =>
      this.byMerchant.all(channelId, merchantKey(merchantId)),
    );
  }

  async listByChannel(channelId: string): Promise<T[]> {
    return this.keptList(`channel ${channelId}`, () => this.byChannel.all(channelId));
  }

  /** A copy of the kept list: callers may sort or filter theirs. */
  private keptList(key: string, rows: () => Row[]): T[] {
    return this.cache.read(this.table, key, () => rows().map((r) => this.fromRow(r))).slice();
  }

  protected fromRow(row: Row): T {
    return { id: row.id, channelId: row.channel_id, ...merchantOf(row.merchant_id), ...parseJson<object>(row.data) } as T;
  }
}

const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Both spell the expressions of the indexes of migrations/08-agent-lookups.ts to the character, or SQLite
 * would scan (migrations/runner.test.ts checks their plans). byNames seeks two names at a time (a customer's
 * text has at most two, nameCandidates); a JSON array read with json_each cost twice as much per message.
 * It has no ORDER BY, with which SQLite would rather walk the merchant's agents in id order than seek
 * each name (the few rows found are sorted in JS).
 */
export const agentLookups = {
  byWechatOpenid: `SELECT * FROM agents WHERE channel_id = ? AND json_extract(data, '$.wechatOpenid') = ? ORDER BY id LIMIT 1`,
  byNames: `SELECT * FROM agents WHERE channel_id = ? AND merchant_id = ? AND json_extract(data, '$.name') IN (?, ?)`,
};

export class SqliteAgents extends SqliteScopedRecords<Agent> implements AgentRepository {
  private readonly byWechatOpenid: Statement<[string, string], Row>;
  private readonly byNames: Statement<[string, string, string, string], Row>;

  constructor(db: Database, cache?: ConfigCache) {
    super(db, 'agents', cache);
    this.byWechatOpenid = db.prepare(agentLookups.byWechatOpenid);
    this.byNames = db.prepare(agentLookups.byNames);
  }

  /** From the channel's kept list (in id order, as the query) while a unit keeps one; else by the index. */
  async findByWechatOpenid(channelId: string, openid: string): Promise<Agent | undefined> {
    if (this.cache.isOpen) return (await this.listByChannel(channelId)).find((a) => a.wechatOpenid === openid);
    const row = this.byWechatOpenid.get(channelId, openid);
    return row && this.fromRow(row);
  }

  async listByNames(channelId: string, merchantId: string | undefined, names: readonly string[]): Promise<Agent[]> {
    if (this.cache.isOpen) return (await this.listByMerchant(channelId, merchantId)).filter((a) => names.includes(a.name));
    const found = new Map<string, Row>();
    for (let i = 0; i < names.length; i += 2) {
      const [a, b = a] = names.slice(i, i + 2) as [string, string?];
      for (const row of this.byNames.all(channelId, merchantKey(merchantId), a, b)) found.set(row.id, row);
    }
    return [...found.values()].sort(byId).map((r) => this.fromRow(r));
  }
}

/** Groups and calendars govern timers (a group's settings, a calendar's end of work): saving one makes them look again. */
class TimerGoverningRecords<T extends ScopedRecord> extends SqliteScopedRecords<T> {
  private readonly lookAgain: (channelId: string, merchantId: string | undefined) => void;

  constructor(db: Database, table: ScopedTable, cache?: ConfigCache) {
    super(db, table, cache);
    this.lookAgain = sqliteLookAgainAtTimers(db);
  }

  override async save(record: T): Promise<void> {
    await super.save(record);
    this.lookAgain(record.channelId, record.merchantId);
  }
}

export class SqliteSkillGroups extends TimerGoverningRecords<SkillGroup> implements SkillGroupRepository {
  constructor(db: Database, cache?: ConfigCache) {
    super(db, 'skill_groups', cache);
  }
}

export class SqliteCalendars extends TimerGoverningRecords<WorkCalendar> implements CalendarRepository {
  constructor(db: Database, cache?: ConfigCache) {
    super(db, 'work_calendars', cache);
  }
}
