// SQLite adapter shared by the three repositories whose records belong to one merchant of one channel
// and are listed by it: agents, skill groups and work calendars (same columns, same queries).
import type { Database, Statement } from 'better-sqlite3';
import type { Agent } from '../core/model/agent';
import type { SkillGroup } from '../core/model/skill-group';
import type { WorkCalendar } from '../core/model/work-calendar';
import type { AgentRepository, CalendarRepository, SkillGroupRepository } from '../core/ports/repositories';
import { merchantKey, merchantOf, parseJson, restAsJson } from './record-codec';

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

type ScopedTable = 'agents' | 'skill_groups' | 'work_calendars';

class SqliteScopedRecords<T extends ScopedRecord> {
  private readonly byId: Statement<[string], Row>;
  private readonly byMerchant: Statement<[string, string], Row>;
  private readonly byChannel: Statement<[string], Row>;
  private readonly upsert: Statement<[Row]>;

  constructor(db: Database, table: ScopedTable) {
    // `table` is one of three constants, never input.
    this.byId = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    this.byMerchant = db.prepare(`SELECT * FROM ${table} WHERE channel_id = ? AND merchant_id = ? ORDER BY id`);
    this.byChannel = db.prepare(`SELECT * FROM ${table} WHERE channel_id = ? ORDER BY id`);
    this.upsert = db.prepare(
      `INSERT INTO ${table} (id, channel_id, merchant_id, data) VALUES (@id, @channel_id, @merchant_id, @data)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id, data = excluded.data`,
    );
  }

  async get(id: string): Promise<T | undefined> {
    const row = this.byId.get(id);
    return row && this.fromRow(row);
  }

  async save(record: T): Promise<void> {
    this.upsert.run({ id: record.id, channel_id: record.channelId, merchant_id: merchantKey(record.merchantId), data: restAsJson(record, COLUMNS) });
  }

  async listByMerchant(channelId: string, merchantId: string | undefined): Promise<T[]> {
    return this.byMerchant.all(channelId, merchantKey(merchantId)).map((r) => this.fromRow(r));
  }

  async listByChannel(channelId: string): Promise<T[]> {
    return this.byChannel.all(channelId).map((r) => this.fromRow(r));
  }

  protected fromRow(row: Row): T {
    return { id: row.id, channelId: row.channel_id, ...merchantOf(row.merchant_id), ...parseJson<object>(row.data) } as T;
  }
}

const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Both spell the expressions of the indexes of migration-agent-lookups.ts to the character, or SQLite
 * would scan (migrations.test.ts checks their plans). byNames takes the names as a JSON array, one
 * prepared statement for any number; it has no ORDER BY, with which SQLite would rather walk the
 * merchant's agents in id order than seek each name (the few rows found are sorted in JS).
 */
export const agentLookups = {
  byWechatOpenid: `SELECT * FROM agents WHERE channel_id = ? AND json_extract(data, '$.wechatOpenid') = ? ORDER BY id LIMIT 1`,
  byNames: `SELECT * FROM agents WHERE channel_id = ? AND merchant_id = ? AND json_extract(data, '$.name') IN (SELECT value FROM json_each(?))`,
};

export class SqliteAgents extends SqliteScopedRecords<Agent> implements AgentRepository {
  private readonly byWechatOpenid: Statement<[string, string], Row>;
  private readonly byNames: Statement<[string, string, string], Row>;

  constructor(db: Database) {
    super(db, 'agents');
    this.byWechatOpenid = db.prepare(agentLookups.byWechatOpenid);
    this.byNames = db.prepare(agentLookups.byNames);
  }

  async findByWechatOpenid(channelId: string, openid: string): Promise<Agent | undefined> {
    const row = this.byWechatOpenid.get(channelId, openid);
    return row && this.fromRow(row);
  }

  async listByNames(channelId: string, merchantId: string | undefined, names: readonly string[]): Promise<Agent[]> {
    if (names.length === 0) return [];
    return this.byNames.all(channelId, merchantKey(merchantId), JSON.stringify(names)).sort(byId).map((r) => this.fromRow(r));
  }
}

export class SqliteSkillGroups extends SqliteScopedRecords<SkillGroup> implements SkillGroupRepository {
  constructor(db: Database) {
    super(db, 'skill_groups');
  }
}

export class SqliteCalendars extends SqliteScopedRecords<WorkCalendar> implements CalendarRepository {
  constructor(db: Database) {
    super(db, 'work_calendars');
  }
}
