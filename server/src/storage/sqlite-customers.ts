// SQLite adapter of CustomerRepository.
import type { Database, Statement } from 'better-sqlite3';
import type { Customer } from '../core/model/customer';
import type { CustomerRepository } from '../core/ports/repositories';
import { parseJson, restAsJson } from './record-codec';

interface Row {
  id: string;
  channel_id: string;
  openid: string;
  data: string;
}

const COLUMNS = ['id', 'channelId', 'openid'] as const;

function fromRow(row: Row | undefined): Customer | undefined {
  if (!row) return undefined;
  return { id: row.id, channelId: row.channel_id, openid: row.openid, ...parseJson<Omit<Customer, (typeof COLUMNS)[number]>>(row.data) };
}

export class SqliteCustomers implements CustomerRepository {
  private readonly byId: Statement<[string], Row>;
  private readonly byOpenid: Statement<[string, string], Row>;
  private readonly upsert: Statement<[Row]>;
  private readonly keysOf: Statement<[string], Omit<Row, 'data'>>;
  private readonly updateData: Statement<[string, string]>;

  constructor(db: Database) {
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
  }

  async get(id: string): Promise<Customer | undefined> {
    return fromRow(this.byId.get(id));
  }

  async findByOpenid(channelId: string, openid: string): Promise<Customer | undefined> {
    return fromRow(this.byOpenid.get(channelId, openid));
  }

  /** A customer's channel and openid never change in practice: then only `data` is written, not the (channel_id, openid) index. */
  async save(c: Customer): Promise<void> {
    const data = restAsJson(c, COLUMNS);
    const stored = this.keysOf.get(c.id);
    if (stored !== undefined && stored.channel_id === c.channelId && stored.openid === c.openid) this.updateData.run(data, c.id);
    else this.upsert.run({ id: c.id, channel_id: c.channelId, openid: c.openid, data });
  }
}
