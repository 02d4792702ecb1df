// PostgreSQL adapters of the repositories whose records belong to one merchant of one channel and are
// listed by it: agents, skill groups and work calendars (same columns, same queries). Every call runs
// on the unit of work's client, inside its transaction.
import type { Agent } from '../../core/model/agent';
import type { SkillGroup } from '../../core/model/skill-group';
import type { WorkCalendar } from '../../core/model/work-calendar';
import type { AgentRepository, CalendarRepository, SkillGroupRepository } from '../../core/ports/repositories';
import { merchantKey, merchantOf, parseJson, restAsJson } from '../record-codec';
import type { Queryable } from './pool';
import { all, one } from './pg-records';

interface ScopedRow {
  id: string;
  channel_id: string;
  merchant_id: string;
  data: string;
}

type ScopedTable = 'agents' | 'skill_groups' | 'work_calendars';

class PgScopedRecords<T extends { id: string; channelId: string; merchantId?: string }> {
  /** `table` is one of three constants, never input. */
  constructor(
    protected readonly db: Queryable,
    private readonly table: ScopedTable,
  ) {}

  get(id: string): Promise<T | undefined> {
    return one(this.db, `SELECT * FROM ${this.table} WHERE id = $1`, [id], this.fromRow);
  }

  async save(r: T): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.table} (id, channel_id, merchant_id, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id, data = excluded.data`,
      [r.id, r.channelId, merchantKey(r.merchantId), restAsJson(r, ['id', 'channelId', 'merchantId'])],
    );
  }

  listByMerchant(channelId: string, merchantId: string | undefined): Promise<T[]> {
    return this.where('channel_id = $1 AND merchant_id = $2', [channelId, merchantKey(merchantId)]);
  }

  listByChannel(channelId: string): Promise<T[]> {
    return this.where('channel_id = $1', [channelId]);
  }

  protected where(condition: string, values: unknown[]): Promise<T[]> {
    return all(this.db, `SELECT * FROM ${this.table} WHERE ${condition} ORDER BY id`, values, this.fromRow);
  }

  protected readonly fromRow = (r: ScopedRow): T =>
    ({ id: r.id, channelId: r.channel_id, ...merchantOf(r.merchant_id), ...parseJson<object>(r.data) }) as T;
}

export class PgAgents extends PgScopedRecords<Agent> implements AgentRepository {
  constructor(db: Queryable) {
    super(db, 'agents');
  }

  async findByWechatOpenid(channelId: string, openid: string): Promise<Agent | undefined> {
    return (await this.where("channel_id = $1 AND (data::jsonb ->> 'wechatOpenid') = $2", [channelId, openid]))[0];
  }

  listByNames(channelId: string, merchantId: string | undefined, names: readonly string[]): Promise<Agent[]> {
    if (names.length === 0) return Promise.resolve([]);
    return this.where("channel_id = $1 AND merchant_id = $2 AND (data::jsonb ->> 'name') = ANY($3::text[])", [
      channelId,
      merchantKey(merchantId),
      names,
    ]);
  }
}

export class PgSkillGroups extends PgScopedRecords<SkillGroup> implements SkillGroupRepository {
  constructor(db: Queryable) {
    super(db, 'skill_groups');
  }
}

export class PgCalendars extends PgScopedRecords<WorkCalendar> implements CalendarRepository {
  constructor(db: Queryable) {
    super(db, 'work_calendars');
  }
}
