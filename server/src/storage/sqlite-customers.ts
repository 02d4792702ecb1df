// SQLite adapter of CustomerRepository.
import type { Database, Statement } from 'better-sqlite3';
import type { Customer } from '../core/model/customer';
import type { CustomerRepository } from '../core/ports/repositories';
import { parseJson, restAsJson } from './record-codec';
import { CUSTOMER_UNION_ID } from './migrations/16-customer-history';
import { keyOf, UnitCache, type UnitMap } from './unit-cache';

interface Row {
  id: string;
  channel_id: string;
  openid: string;
  data: string;
}

const COLUMNS = ['id', 'channelId', 'openid'] as const;

type KeyColumns = Omit<Row, 'data'>;

function fromRow(row: Row): Customer {
  return { id: row.id, channelId: row.channel_id, openid: row.openid, ...parseJson<Omit<Customer, (typeof COLUMNS)[number]>>(row.data) };
}

export class SqliteCustomers implements CustomerRepository {
  private readonly byId: Statement<[string], Row>;
  private readonly byOpenid: Statement<[string, string], Row>;
  private readonly upsert: Statement<[Row]>;
  private readonly keysOf: Statement<[string], KeyColumns>;
  private readonly updateData: Statement<[string, string]>;
  private readonly byUnionId: Statement<[string], Row>;
  /** Within one unit: customers by id and by (channel, openid), and the stored key columns of rows seen. */
  private readonly cachedById: UnitMap<Customer | undefined>;
  private readonly cachedByOpenid: UnitMap<Customer | undefined>;
  private readonly storedKeys: UnitMap<KeyColumns | undefined>;
  /** Write-behind (unit-cache.ts): the `data` of stored rows updated in this unit, written once when it ends. */
  private readonly heldData: UnitMap<string>;

  /** Without a cache opened by the unit of work, every call reads the database. */
  constructor(
    db: Database,
    private readonly cache: UnitCache = new UnitCache(),
  ) {
    this.byId = db.prepare('SELECT * FROM customers WHERE id = ?');
    this.byOpenid = db.prepare('SELECT * FROM customers WHERE channel_id = ? AND openid = ?');
    // ON CONFLICT (id), not INSERT OR REPLACE: a clash on (channel_id, openid) with another id must fail,
    // not silently delete the other customer.
    this.upsert = db.prepare(
      `INSERT INTO customers (id, channel_id, openid, data) VALUES (@id, @channel_id, @openid, @data)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, openid = excluded.openid, data = excluded.data`,
    );
    this.keysOf = db.prepare('SELECT id, channel_id, openid FROM customers WHERE id = ?');
    this.updateData = db.prepare('UPDATE customers SET data = ? WHERE id = ?');
    // The expression is the customer-history index's (migration 15).
    this.byUnionId = db.prepare(`SELECT * FROM customers WHERE ${CUSTOMER_UNION_ID} = ? ORDER BY id`);
    this.cachedById = cache.map();
    this.cachedByOpenid = cache.map();
    this.storedKeys = cache.map();
    this.heldData = cache.map();
    cache.onFlush(() => this.writeHeld());
  }

  private writeHeld(): void {
    for (const [id, data] of this.heldData.take()) this.updateData.run(data, id);
  }

  async get(id: string): Promise<Customer | undefined> {
    return this.cachedById.read(id, () => {
      this.writeHeld();
      const row = this.byId.get(id);
      this.storedKeys.set(id, row); // undefined: a save of this id will insert
      return row && fromRow(row);
    });
  }

  async findByOpenid(channelId: string, openid: string): Promise<Customer | undefined> {
    return this.cachedByOpenid.read(keyOf(channelId, openid), () => {
      this.writeHeld();
      const row = this.byOpenid.get(channelId, openid);
      if (row === undefined) return undefined;
      const c = fromRow(row);
      this.storedKeys.set(c.id, row);
      this.cachedById.set(c.id, c);
      return c;
    });
  }

  async listByUnionId(unionId: string): Promise<Customer[]> {
    this.writeHeld(); // the union id lives in `data`
    return this.byUnionId.all(unionId).map(fromRow);
  }

  /**
   * A customer's channel and openid never change in practice: then only `data` is written, not the
   * (channel_id, openid) index. The stored keys are read only when this unit has not seen the row yet.
   * Within a unit that `data` is held back and written once, with the unit's last save of the row
   * (the push path saves its customer when they act and again when the reply consumes a send); a new
   * row or changed keys are written at once, so the table's unique keys are checked where they clash.
   */
  async save(c: Customer): Promise<void> {
    const data = restAsJson(c, COLUMNS);
    const stored = this.storedKeys.read(c.id, () => this.keysOf.get(c.id));
    const keys = { id: c.id, channel_id: c.channelId, openid: c.openid };
    const moved = stored !== undefined && (stored.channel_id !== keys.channel_id || stored.openid !== keys.openid);
    if (stored !== undefined && !moved) this.updateLater(c.id, data);
    else {
      this.writeHeld(); // in the order saved
      this.upsert.run({ ...keys, data });
    }
    if (moved) this.cachedByOpenid.clear(); // its old (channel, openid) no longer finds it
    this.storedKeys.set(c.id, keys);
    this.cachedById.set(c.id, c);
    this.cachedByOpenid.set(keyOf(c.channelId, c.openid), c);
  }

  /** Held while a unit is open (the cache keeps entries only then), written now otherwise. */
  private updateLater(id: string, data: string): void {
    if (this.cache.isOpen) this.heldData.set(id, data);
    else this.updateData.run(data, id);
  }
}
