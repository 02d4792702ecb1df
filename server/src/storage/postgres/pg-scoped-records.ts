// PostgreSQL adapters of the repositories whose records belong to one merchant of one channel and are
// listed by it: agents, skill groups and work calendars (same columns, same queries). Every call runs
// on the unit of work's client, inside its transaction.
import type { Agent } from '../../core/model/agent';
import type { SkillGroup } from '../../core/model/skill-group';
import type { WorkCalendar } from '../../core/model/work-calendar';
import type { AgentRepository, CalendarRepository, SkillGroupRepository } from '../../core/ports/repositories';
import { merchantKey, merchantOf, parseJson, restAsJson } from '../record-codec';
import type { ConfigCache, ConfigTable } from '../config-cache';
import { keyOf } from '../unit-cache';
import type { Queryable } from './pool';
import { all, one } from './pg-records';
import { lookAgainValues, PG_LOOK_AGAIN_AT_TIMERS } from '../timer-look-again';

interface ScopedRow {
  id: string;
  channel_id: string;
  merchant_id: string;
  data: string;
}

type ScopedTable = 'agents' | 'skill_groups' | 'work_calendars';

class PgScopedRecords<T extends { id: string; channelId: string; merchantId?: string }> {
  /** `table` is one of three constants, never input. Reads are kept in `config` while it is open. */
  constructor(
    protected readonly db: Queryable,
    private readonly table: ScopedTable & ConfigTable,
    protected readonly config?: ConfigCache,
  ) {}

  get(id: string): Promise<T | undefined> {
    return this.kept(`id ${id}`, () => one(this.db, `SELECT * FROM ${this.table} WHERE id = $1`, [id], this.fromRow));
  }

  async save(r: T): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.table} (id, channel_id, merchant_id, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, merchant_id = excluded.merchant_id, data = excluded.data`,
      [r.id, r.channelId, merchantKey(r.merchantId), restAsJson(r, ['id', 'channelId', 'merchantId'])],
    );
    this.config?.wrote(this.table);
  }

  async remove(id: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
    this.config?.wrote(this.table);
  }

  async listByMerchant(channelId: string, merchantId: string | undefined): Promise<T[]> {
    const key = `merchant ${keyOf(channelId, merchantKey(merchantId))}`;
    return (await this.kept(key, () => this.where('channel_id = $1 AND merchant_id = $2', [channelId, merchantKey(merchantId)]))).slice();
  }

  async listByChannel(channelId: string): Promise<T[]> {
    return (await this.kept(`channel ${channelId}`, () => this.where('channel_id = $1', [channelId]))).slice();
  }

  /** True while reads are kept: lookups are then answered from the kept lists. */
  protected get keeping(): boolean {
    return this.config?.isOpen ?? false;
  }

  private kept<V>(key: string, load: () => Promise<V>): Promise<V> {
    return this.config ? this.config.read(this.table, key, load) : load();
  }

  protected where(condition: string, values: unknown[]): Promise<T[]> {
    return all(this.db, `SELECT * FROM ${this.table} WHERE ${condition} ORDER BY id`, values, this.fromRow);
  }

  protected readonly fromRow = (r: ScopedRow): T =>
    ({ id: r.id, channelId: r.channel_id, ...merchantOf(r.merchant_id), ...parseJson<object>(r.data) }) as T;
}

export class PgAgents extends PgScopedRecords<Agent> implements AgentRepository {
  constructor(db: Queryable, config?: ConfigCache) {
    super(db, 'agents', config);
  }

  /** From the channel's kept list (in id order, as the query) while reads are kept; else by the index. */
  async findByWechatOpenid(channelId: string, openid: string): Promise<Agent | undefined> {
    if (this.keeping) return (await this.listByChannel(channelId)).find((a) => a.wechatOpenid === openid);
    return (await this.where("channel_id = $1 AND (data::jsonb ->> 'wechatOpenid') = $2", [channelId, openid]))[0];
  }

  listByNames(channelId: string, merchantId: string | undefined, names: readonly string[]): Promise<Agent[]> {
    if (names.length === 0) return Promise.resolve([]);
    if (this.keeping) return this.listByMerchant(channelId, merchantId).then((team) => team.filter((a) => names.includes(a.name)));
    return this.where("channel_id = $1 AND merchant_id = $2 AND (data::jsonb ->> 'name') = ANY($3::text[])", [
      channelId,
      merchantKey(merchantId),
      names,
    ]);
  }
}

/** Groups and calendars govern timers (a group's settings, a calendar's end of work): saving one makes them look again. */
class TimerGoverningRecords<T extends { id: string; channelId: string; merchantId?: string }> extends PgScopedRecords<T> {
  override async save(r: T): Promise<void> {
    await super.save(r);
    await this.db.query(PG_LOOK_AGAIN_AT_TIMERS, lookAgainValues(r.channelId, r.merchantId));
  }
}

export class PgSkillGroups extends TimerGoverningRecords<SkillGroup> implements SkillGroupRepository {
  constructor(db: Queryable, config?: ConfigCache) {
    super(db, 'skill_groups', config);
  }
}

export class PgCalendars extends TimerGoverningRecords<WorkCalendar> implements CalendarRepository {
  constructor(db: Queryable, config?: ConfigCache) {
    super(db, 'work_calendars', config);
  }
}
